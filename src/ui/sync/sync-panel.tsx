import type { SyncPhase, SyncProgress, SyncStatus } from '../../state/sync-model';
import { Icon, type IconName } from '../shell/icons';
import { t } from '../../shared/i18n/sync';
import { AlertNote } from '../shell/alert-note';

/** A change the server refused, ready to show. */
export interface RejectedItemView {
  id: number;
  /** What it was, in words. */
  summary: string;
  /** The server's reason, in Spanish. */
  reason: string;
  /** When it was made, in Lima time. */
  madeAt: string;
  isExported: boolean;
}

/** The result of the last action on this screen. */
export interface Notice {
  kind: 'info' | 'error';
  message: string;
}

/** Everything the sync screen shows, as plain values, and what it can ask for. */
export interface SyncPanelProps {
  pending: number;
  /** `lastSyncedAt` already written for people (Lima time), or null. */
  status: SyncStatus;
  progress: SyncProgress | null;
  isBusy: boolean;
  rejected: RejectedItemView[];
  showStorageWarning: boolean;
  /** A newer Tinkuy opened in another tab: this one must reload before anything else. */
  isReloadNeeded?: boolean;
  notice: Notice | null;
  onSyncNow(): void;
  onRetry(id: number): void;
  onDiscard(id: number): void;
  onExportRejected(): void;
  onExportPending(): void;
  onImport(file: File): void;
}

type PhaseWord = 'sync.phase.starting' | 'sync.phase.idle' | 'sync.phase.syncing' | 'sync.phase.offline' | 'sync.phase.error' | 'sync.phase.needsLogin' | 'sync.phase.pending' | 'sync.phase.attention';

const PHASES: Record<SyncPhase, { icon: IconName; word: PhaseWord; tone: string }> = {
  starting: { icon: 'pending', word: 'sync.phase.starting', tone: 'pending' },
  idle: { icon: 'upToDate', word: 'sync.phase.idle', tone: 'done' },
  syncing: { icon: 'syncing', word: 'sync.phase.syncing', tone: 'pending' },
  offline: { icon: 'offline', word: 'sync.phase.offline', tone: 'attention' },
  error: { icon: 'attention', word: 'sync.phase.error', tone: 'attention' },
  'needs-login': { icon: 'user', word: 'sync.phase.needsLogin', tone: 'attention' },
};

/** «Al día» only when nothing waits AND nothing was refused: a refusal is never hidden behind it. */
function describePhase(phase: SyncPhase, pending: number, refused: number): { icon: IconName; word: PhaseWord; tone: string } {
  if (phase !== 'idle') return PHASES[phase];
  if (pending > 0) return { icon: 'pending', word: 'sync.phase.pending', tone: 'pending' };
  if (refused > 0) return { icon: 'attention', word: 'sync.phase.attention', tone: 'attention' };
  return PHASES.idle;
}

function describePending(count: number, refused: number): string {
  if (count === 0 && refused > 0) return refused === 1 ? t('sync.pending.noneRefusedOne') : t('sync.pending.noneRefusedMany', { count: refused });
  if (count === 0) return t('sync.pending.none');
  return count === 1 ? t('sync.pending.one') : t('sync.pending.many', { count });
}

/** The state of sync in a word and an icon (never colour alone), the count, the last sync and error. */
function StatusCard({ pending, status, progress, refused }: Pick<SyncPanelProps, 'pending' | 'status' | 'progress'> & { refused: number }) {
  const phase = describePhase(status.phase, pending, refused);
  return (
    <div class="card sync__status" role="status">
      <p class={`note note--${phase.tone} sync__phase`}>
        <Icon name={phase.icon} />
        <strong>{t(phase.word)}</strong>
      </p>
      <p class="sync__pending">{describePending(pending, refused)}</p>
      {progress && <p>{t('sync.progress', { sent: progress.sent, total: progress.total })}</p>}
      <p>{status.lastSyncedAt ? t('sync.lastSynced', { when: status.lastSyncedAt }) : t('sync.lastSynced.never')}</p>
      {status.lastError && <p class="sync__error">{t('sync.lastError', { message: status.lastError })}</p>}
    </div>
  );
}

/** One rejected change: what, why, and what can be done. */
function RejectedItem({ item, onRetry, onDiscard, onExport }: { item: RejectedItemView; onRetry(): void; onDiscard(): void; onExport(): void }) {
  return (
    <li class="card sync__rejected">
      <p class="note note--attention">
        <Icon name="attention" />
        <strong>{item.summary}</strong>
      </p>
      <p>{t('sync.attention.reason', { reason: item.reason })}</p>
      <p class="sync__when">{t('sync.attention.when', { when: item.madeAt })}</p>
      <div class="sync__actions">
        <button type="button" class="button" onClick={onRetry}>{t('sync.retry')}</button>
        <button type="button" class="button button--secondary" onClick={onExport}>{t('sync.export')}</button>
        {item.isExported && (
          <button type="button" class="button button--secondary" onClick={onDiscard}>{t('sync.discard')}</button>
        )}
      </div>
    </li>
  );
}

/** Más → Sincronización, as a pure component: props in, events out. */
export function SyncPanel(props: SyncPanelProps) {
  const { status, isBusy } = props;
  return (
    <div class="sync">
      <p class="lead">{t('sync.intro')}</p>
      <StatusCard pending={props.pending} status={status} progress={props.progress} refused={props.rejected.length} />
      {props.isReloadNeeded && (
        <div class="note note--attention" role="alert">
          <Icon name="update" />
          <span>{t('shell.sync.reloadNeeded')}</span>
          <button type="button" class="button" onClick={() => location.reload()}>{t('sync.reload')}</button>
        </div>
      )}
      {props.showStorageWarning && <AlertNote icon="shield">{t('sync.storageWarning')}</AlertNote>}
      <button type="button" class="button sync__now" onClick={props.onSyncNow} disabled={isBusy} aria-busy={isBusy}>
        <Icon name="syncing" />
        <span>{isBusy ? t('sync.now.busy') : t('sync.now')}</span>
      </button>
      {status.phase === 'needs-login' && (
        <a class="button button--secondary" href="/mas/cuenta">{t('sync.login')}</a>
      )}
      {props.notice && (
        <p class={props.notice.kind === 'error' ? 'note note--attention' : 'note note--done'} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={props.notice.kind === 'error' ? 'attention' : 'upToDate'} />
          <span>{props.notice.message}</span>
        </p>
      )}
      <h2>{t('sync.attention.title')}</h2>
      {props.rejected.length === 0 ? (
        <p>{t('sync.attention.empty')}</p>
      ) : (
        <>
          <p>{t('sync.attention.intro')}</p>
          <ul class="sync__list">
            {props.rejected.map((item) => (
              <RejectedItem key={item.id} item={item} onRetry={() => props.onRetry(item.id)} onDiscard={() => props.onDiscard(item.id)} onExport={props.onExportRejected} />
            ))}
          </ul>
        </>
      )}
      <h2>{t('sync.files.title')}</h2>
      <p>{t('sync.files.intro')}</p>
      <div class="sync__actions">
        <button type="button" class="button button--secondary" onClick={props.onExportPending} disabled={props.pending === 0}>
          {t('sync.exportPending')}
        </button>
        <label class="button button--secondary sync__import">
          {t('sync.importFile')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) props.onImport(file);
              input.value = '';
            }}
          />
        </label>
      </div>
    </div>
  );
}
