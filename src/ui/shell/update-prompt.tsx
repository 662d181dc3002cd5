import type { UpdateModel } from '../../state/update-model';
import { Icon } from './icons';
import { t } from '../../shared/i18n';

/**
 * "Hay una nueva versión · Actualizar": shown only while a new service worker waits. Nothing
 * reloads until the person taps the button, so no form is lost mid-way.
 */
export function UpdatePrompt({ model }: { model: UpdateModel | null }) {
  if (!model?.isWaiting.value) return null;
  return (
    <aside class="update-prompt" aria-label={t('update.available')}>
      <p class="update-prompt__text">
        <Icon name="update" />
        <span>
          <strong>{t('update.available')}</strong>
          <span class="update-prompt__hint">{t('update.hint')}</span>
        </span>
      </p>
      <button type="button" class="button button--light" onClick={() => model.applyUpdate()}>
        {t('update.action')}
      </button>
    </aside>
  );
}
