import { ScreenHeader } from './screen-header';
import { t } from '../../shared/i18n';

/** Any address the app does not know (part of the main bundle: it must show offline too). */
export function NotFoundScreen() {
  return (
    <section class="screen">
      <ScreenHeader title={t('shell.notFound.title')} />
      <p>{t('shell.notFound.body')}</p>
      <a class="button" href="/">
        {t('shell.notFound.home')}
      </a>
    </section>
  );
}

/**
 * Shown when a section's code cannot be loaded (e.g. offline after another tab replaced the
 * cached version). A reload picks up the version now in the cache; saved data stays in IndexedDB.
 */
export function LoadErrorScreen() {
  return (
    <section class="screen" role="alert">
      <ScreenHeader title={t('shell.loadError.title')} />
      <p>{t('shell.loadError.body')}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('shell.loadError.retry')}
      </button>
    </section>
  );
}

/** The line shown while a section's code is on its way. */
export function RouteLoading({ isLoading }: { isLoading: boolean }) {
  return (
    <div class={isLoading ? 'route-loading route-loading--on' : 'route-loading'} role="status">
      {isLoading ? t('shell.loading') : ''}
    </div>
  );
}
