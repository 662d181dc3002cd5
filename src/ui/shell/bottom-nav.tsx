import { Icon, type IconName } from './icons';
import { t, type MessageKey } from '../../shared/i18n';

/** The five sections, in the order they appear at the bottom of the screen. */
export const SECTIONS: ReadonlyArray<{ href: string; label: MessageKey; icon: IconName }> = [
  { href: '/', label: 'nav.home', icon: 'home' },
  { href: '/catalogo', label: 'nav.catalogue', icon: 'catalogue' },
  { href: '/eventos', label: 'nav.events', icon: 'events' },
  { href: '/talleres', label: 'nav.workshops', icon: 'workshops' },
  { href: '/mas', label: 'nav.more', icon: 'more' },
];

/** True when `path` is the section at `href` or a screen inside it (/mas/cuenta is in Más). */
export function isInSection(path: string, href: string): boolean {
  if (href === '/') return path === '/';
  return path === href || path.startsWith(`${href}/`);
}

/** The bottom navigation: icon + word per section, the current one marked for everyone. */
export function BottomNav({ path }: { path: string }) {
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.map((section) => {
          const isCurrent = isInSection(path, section.href);
          return (
            <li key={section.href}>
              <a href={section.href} aria-current={isCurrent ? 'page' : undefined}>
                <Icon name={section.icon} />
                <span>{t(section.label)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
