import { useEffect } from 'preact/hooks';
import { Icon } from './icons';
import { t } from '../../shared/i18n';

/**
 * The heading every screen starts with. It names the tab, and takes focus after a route change
 * (tabindex -1) so a screen reader hears where the person arrived.
 */
export function ScreenHeader({ title, backToMore = false }: { title: string; backToMore?: boolean }) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  return (
    <div class="screen-header">
      {backToMore && (
        <a class="screen-header__back" href="/mas">
          <Icon name="back" />
          <span>{t('shell.back')}</span>
        </a>
      )}
      <h1 tabIndex={-1}>{title}</h1>
    </div>
  );
}

/** Moves focus to the new screen's heading; called by the router after a navigation. */
export function focusScreenHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}
