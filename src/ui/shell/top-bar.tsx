import { IS_CONNECTION_KNOWN, isOnline } from '../../state/app-model';
import { pendingCount, rejectedChanges, syncStatus, type SyncPhase } from '../../state/sync-model';
import { Icon, type IconName } from './icons';
import { t } from '../../shared/i18n';

/**
 * The header: app name, connection word + icon, and the count of changes waiting to be sent.
 * At a participant's door (`isParticipant`) the name leads nowhere and the sync pill is left out:
 * a participant has no staff app to go to, and their own sends show on their screen.
 */
export function TopBar({ isParticipant = false }: { isParticipant?: boolean }) {
  const online = isReachable(isOnline.value, syncStatus.value.phase);
  const sync = describeSync(pendingCount.value, syncStatus.value.phase, rejectedChanges.value.length);
  const mark = (
    <svg class="top-bar__mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="9" />
      <g class="top-bar__ring">
        <circle cx="32" cy="10" r="6" />
        <circle cx="51" cy="21" r="6" />
        <circle cx="51" cy="43" r="6" />
        <circle cx="32" cy="54" r="6" />
        <circle cx="13" cy="43" r="6" />
        <circle cx="13" cy="21" r="6" />
      </g>
    </svg>
  );
  const crowded = isCrowded(online, isParticipant ? '' : sync.text);
  // Crowded: the name is only read aloud, so the status pills keep the one row.
  const name = <span class={crowded ? 'top-bar__name visually-hidden' : 'top-bar__name'}>{t('app.name')}</span>;
  return (
    <header class={crowded ? 'top-bar top-bar--crowded' : 'top-bar'}>
      {isParticipant
        ? <span class="top-bar__brand">{mark}{name}</span>
        : <a class="top-bar__brand" href="/" aria-label={t('shell.homeLink')}>{mark}{name}</a>}
      <div class="top-bar__status" role="group" aria-label={t('shell.statusLabel')}>
        <ConnectionStatus online={online} />
        {!isParticipant && <SyncBadge pending={pendingCount.value} phase={syncStatus.value.phase} refused={rejectedChanges.value.length} />}
      </div>
    </header>
  );
}

/**
 * «En línea» only while the device has a network AND the last sync round did not fail to reach the
 * server: `navigator.onLine` says "some network", and with the server down it stays true. A round
 * that found no server (phase 'offline') says «Sin conexión» until a round gets through again.
 */
export function isReachable(online: boolean, phase: SyncPhase): boolean {
  return online && phase !== 'offline';
}

/**
 * Whether the two pills' words are too long for one row beside the name at 360 px (measured in
 * test/e2e/top-bar.test.ts: «Sin conexión» with «4 por enviar» wrapped to a second row). The name
 * then gives way to the mark alone (the link keeps its accessible name): the status matters more.
 */
export function isCrowded(online: boolean, syncText: string): boolean {
  return (online ? t('shell.online') : t('shell.offline')).length + syncText.length > 20;
}

/**
 * "En línea" / "Sin conexión", always with an icon; announced politely when it changes. In the
 * prerendered HTML it keeps its place but stays hidden (for screen readers too) until the app runs.
 */
export function ConnectionStatus({ online }: { online: boolean }) {
  const tone = online ? 'pill pill--online' : 'pill pill--offline';
  return (
    <span class={IS_CONNECTION_KNOWN ? tone : `${tone} pill--unknown`} role="status">
      <Icon name={online ? 'online' : 'offline'} />
      <span>{online ? t('shell.online') : t('shell.offline')}</span>
    </span>
  );
}

/** Describes the sync state in one short word or count, with the icon that goes with it. */
export function describeSync(pending: number, phase: SyncPhase, refused = 0): { icon: IconName; text: string; tone: string } {
  // Until the sync runtime loaded (right after the first render) nothing is known yet: say so.
  if (phase === 'starting') return { icon: 'pending', text: t('shell.sync.starting'), tone: 'busy' };
  if (phase === 'needs-login') return { icon: 'user', text: t('shell.sync.needsLogin'), tone: 'attention' };
  if (phase === 'error') return { icon: 'attention', text: t('shell.sync.error'), tone: 'attention' };
  // «Enviando…» only while something is being sent; a round with nothing to send only receives.
  if (phase === 'syncing') return { icon: 'syncing', text: pending > 0 ? t('shell.sync.syncing') : t('shell.sync.receiving'), tone: 'busy' };
  if (pending > 0) return { icon: 'pending', text: t('shell.sync.pending', { count: pending }), tone: 'pending' };
  // «Al día» means nothing waits and nothing was refused: a refusal in «Requiere atención» shows here.
  if (refused > 0) return { icon: 'attention', text: refused === 1 ? t('shell.sync.refusedOne') : t('shell.sync.refusedMany', { count: refused }), tone: 'attention' };
  return { icon: 'upToDate', text: t('shell.sync.upToDate'), tone: 'done' };
}

/** The sync badge: a link to Más → Sincronización showing `pendingCount` (or the refusals) in words. */
export function SyncBadge({ pending, phase, refused = 0 }: { pending: number; phase: SyncPhase; refused?: number }) {
  const { icon, text, tone } = describeSync(pending, phase, refused);
  return (
    <a class={`pill pill--${tone}`} href="/mas/sincronizacion">
      <Icon name={icon} />
      <span class="visually-hidden">{t('shell.sync.prefix')} </span>
      <span>{text}</span>
    </a>
  );
}
