import type { UpdateModel } from '../../state/update-model';
import { Icon } from './icons';
import { t } from '../../shared/i18n/update';

/**
 * "Hay una nueva versión · Actualizar · Más tarde": shown while a new service worker waits and
 * the person has not put it off. Nothing reloads until the person taps «Actualizar», so no form
 * is lost mid-way; «Más tarde» hides it until they come back to the app, or for some hours.
 */
export function UpdatePrompt({ model }: { model: UpdateModel | null }) {
  if (!model?.isPromptShown.value) return null;
  return (
    <aside class="update-prompt" aria-label={t('update.available')}>
      <p class="update-prompt__text">
        <Icon name="update" />
        <span>
          <strong>{t('update.available')}</strong>
          <span class="update-prompt__hint">{t('update.hint')}</span>
        </span>
      </p>
      <div class="update-prompt__actions">
        <button type="button" class="button button--light" onClick={() => model.applyUpdate()}>
          {t('update.action')}
        </button>
        <button type="button" class="button button--on-dark" onClick={() => model.postpone()}>
          {t('update.later')}
        </button>
      </div>
    </aside>
  );
}
