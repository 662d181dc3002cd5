import { pendingCount } from '../../state/sync-model';
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

/** Inicio: a short welcome, what works without signal, and the main shortcuts. */
export function HomeScreen() {
  const pending = pendingCount.value;
  return (
    <section class="screen home">
      <ScreenHeader title={t('home.title')} />
      <p class="lead">{t('home.intro')}</p>
      {pending > 0 && (
        <p class="note note--pending">
          <Icon name="pending" />
          <span>{pending === 1 ? t('home.pending.one') : t('home.pending.many', { count: pending })}</span>
        </p>
      )}
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
      <h2>{t('home.offline.title')}</h2>
      <ul class="checks">
        {OFFLINE_POINTS.map((key) => (
          <li key={key}>
            <Icon name="upToDate" />
            <span>{t(key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
