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

/** How long after a navigation the new screen's heading may still appear (a lazy chunk, an IndexedDB read). */
const HEADING_WAIT_MS = 5000;
let stopWatching: (() => void) | undefined;

/**
 * Moves focus to the new screen's heading after a navigation: `take` (a new path) takes it from
 * wherever it is, `ifLost` (the same screen with another query, e.g. a catalogue topic) only when
 * the link followed is gone and focus fell to <body>. A sub-screen often draws its heading only
 * once its chunk or its data arrived, and the router draws the new screen beside the old one for
 * a moment: so for a few seconds, while focus is lost (on <body>, on a removed element) or still
 * on a heading placed here, it goes to the newest heading. The watch ends when the person acts
 * (a key, a tap) or, after `take`, moves focus elsewhere.
 */
export function focusScreenHeading(mode: 'take' | 'ifLost' = 'take'): void {
  stopWatching?.();
  const main = document.querySelector('main');
  if (!main) return;
  const placed = new Set<Element>();
  const isLost = () => {
    const active = document.activeElement;
    return active === null || active === document.body || !active.isConnected || placed.has(active);
  };
  const place = (isFirst = false) => {
    if (!(isFirst && mode === 'take') && !isLost()) {
      if (mode === 'take') stop();
      return;
    }
    const headings = [...main.querySelectorAll<HTMLElement>('h1')];
    const heading = headings.find((h) => !placed.has(h)) ?? headings[0];
    if (!heading) return;
    placed.add(heading);
    if (document.activeElement !== heading) heading.focus({ preventScroll: true });
  };
  const observer = new MutationObserver(() => place());
  const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('keydown', stop, true);
    document.removeEventListener('pointerdown', stop, true);
    if (stopWatching === stop) stopWatching = undefined;
  };
  stopWatching = stop;
  observer.observe(main, { childList: true, subtree: true });
  document.addEventListener('keydown', stop, true);
  document.addEventListener('pointerdown', stop, true);
  place(true);
}
