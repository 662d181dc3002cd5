import { useEffect } from 'preact/hooks';
import { Icon } from './icons';
import { t } from '../../shared/i18n';

/** Where a screen's back link goes, and what it says. */
export interface Back {
  href: string;
  label: string;
}

/** The link back to where the person came from: an arrow and a word, a 48 px target. */
export function BackLink({ href, label }: Back) {
  return (
    <a class="screen-header__back" href={href}>
      <Icon name="back" />
      <span>{label}</span>
    </a>
  );
}

/**
 * The heading every screen starts with, after its back link if it has one (`back`, or
 * `backToMore` for the screens inside Más). It names the tab, and takes focus after a route
 * change (tabindex -1) so a screen reader hears where the person arrived.
 */
export function ScreenHeader({ title, back, backToMore = false }: { title: string; back?: Back; backToMore?: boolean }) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  const link = back ?? (backToMore ? { href: '/mas', label: t('shell.back') } : undefined);
  return (
    <div class="screen-header">
      {link && <BackLink {...link} />}
      <h1 tabIndex={-1}>{title}</h1>
    </div>
  );
}

/** Moves focus to the new screen's heading; called by the router after a navigation. */
export function focusScreenHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}
