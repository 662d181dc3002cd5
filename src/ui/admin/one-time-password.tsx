import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { dismissShownPassword, type ShownPassword } from '../../state/admin-model';
import { t } from '../../shared/i18n/admin';

/**
 * The one-time password, once: in a block that takes focus when it appears (so a screen reader
 * reads it), with a copy button and «Ya la anoté, cerrar». Closed, it is gone from the device.
 */
export function OneTimePassword({ shown }: { shown: ShownPassword }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const copied = useSignal(false);
  useEffect(() => heading.current?.focus(), [shown.password]);
  const copy = async () => {
    await navigator.clipboard?.writeText(shown.password).then(() => (copied.value = true), () => undefined);
  };
  return (
    <section class="card admin__password" aria-labelledby="admin-password-title">
      <h2 id="admin-password-title" tabIndex={-1} ref={heading}>
        {t(shown.isNewAccount ? 'admin.password.title.new' : 'admin.password.title.reset', { email: shown.email })}
      </h2>
      <p class="admin__password-label">{t('admin.password.label')}</p>
      <p class="admin__password-value"><code>{shown.password}</code></p>
      <p>{t('admin.password.once')}</p>
      <div class="admin__actions">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>{t('admin.password.copy')}</button>
        <button type="button" class="button" onClick={dismissShownPassword}>{t('admin.password.done')}</button>
      </div>
      {copied.value && <p role="status">{t('admin.password.copied')}</p>}
    </section>
  );
}
