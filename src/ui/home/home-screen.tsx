import { useEffect } from 'preact/hooks';
import { signal } from '@preact/signals';
import { pendingCount } from '../../state/sync-model';
import { installOffer, promptInstall } from '../../state/install-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon, type IconName } from '../shell/icons';
import './home.css';
import { t, type MessageKey } from '../../shared/i18n';

const OFFLINE_POINTS: MessageKey[] = ['home.offline.read', 'home.offline.plan', 'home.offline.workshops', 'home.offline.send'];

const SHORTCUTS: ReadonlyArray<{ href: string; label: MessageKey; icon: IconName }> = [
  { href: '/catalogo', label: 'home.shortcut.catalogue', icon: 'catalogue' },
  { href: '/eventos', label: 'home.shortcut.events', icon: 'events' },
  { href: '/talleres', label: 'home.shortcut.workshops', icon: 'workshops' },
  { href: '/mas/sincronizacion', label: 'home.shortcut.sync', icon: 'pending' },
];

type MyDayModule = typeof import('./my-day');
// The person's own part loads as its own chunk after the first paint (precached: offline too).
const myDayModule = signal<MyDayModule | null>(null);
let loading: Promise<void> | undefined;
function loadMyDay(): void {
  loading ??= import('./my-day').then((m) => void (myDayModule.value = m)).catch(() => undefined);
}

/**
 * Inicio: the person's own events, due items, reading and favourites once they have any; on a
 * first visit, a short welcome and what works without signal. The main shortcuts always.
 */
export function HomeScreen() {
  useEffect(loadMyDay, []);
  const pending = pendingCount.value;
  const mod = myDayModule.value;
  const isWelcome = !mod || mod.isWelcomeShown();
  return (
    <section class="screen home">
      <ScreenHeader title={t('home.title')} />
      {isWelcome && <p class="lead">{t('home.intro')}</p>}
      {pending > 0 && (
        <p class="note note--pending">
          <Icon name="pending" />
          <span>{pending === 1 ? t('home.pending.one') : t('home.pending.many', { count: pending })}</span>
        </p>
      )}
      {mod && <mod.MyDay />}
      <h2>{t('home.shortcuts.title')}</h2>
      <ul class="shortcuts">
        {SHORTCUTS.map((item) => (
          <li key={item.href}>
            <a href={item.href}>
              <Icon name={item.icon} />
              <span>{t(item.label)}</span>
            </a>
          </li>
        ))}
      </ul>
      <InstallTinkuy />
      {isWelcome && (
        <>
          <h2>{t('home.offline.title')}</h2>
          <ul class="checks">
            {OFFLINE_POINTS.map((key) => (
              <li key={key}>
                <Icon name="upToDate" />
                <span>{t(key)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** «Instalar Tinkuy»: the browser's own prompt where it offers one, else how to do it by hand. */
function InstallTinkuy() {
  const offer = installOffer.value;
  if (offer === 'installed') return null;
  if (offer === 'button') {
    return (
      <div class="home__install">
        <p>{t('home.install.why')}</p>
        <button type="button" class="button" onClick={() => void promptInstall()}>
          <Icon name="update" />
          {t('home.install')}
        </button>
      </div>
    );
  }
  return (
    <details class="home__install">
      <summary>{t('home.install.how')}</summary>
      <p>{t('home.install.why')}</p>
      <p>{t('home.install.android')}</p>
      <p>{t('home.install.ios')}</p>
    </details>
  );
}
