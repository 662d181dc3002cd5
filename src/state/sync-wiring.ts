import type { Signal } from '@preact/signals';
import type { RejectedRow } from '../db/rejected-store';
import type { SyncOutcome } from '../sync/retry-policy';
import type { SyncService } from '../sync/sync-service';
import { t } from '../shared/i18n';
import { isParticipantPath } from '../sync/door-prefetch';
import type { Runtime, SyncProgress, SyncStatus } from './sync-model';

/*
 * How sync-model's signals follow the runtime: the service's callbacks, the wake-ups, the live
 * check, another tab's newer version, the storage promise. Loaded with the runtime after the
 * first render, so none of it weighs on the first screen (#12); sync-model keeps the signals.
 */

/** The writable side of sync-model's signals. */
export interface SyncSignals {
  pending: Signal<number>;
  status: Signal<SyncStatus>;
  rejected: Signal<RejectedRow[]>;
  progress: Signal<SyncProgress | null>;
  persisted: Signal<boolean | null>;
  reloadNeeded: Signal<boolean>;
}

/** The status after a round: a word for the phase and the reason in Spanish. */
export function describeOutcome(outcome: SyncOutcome, lastSyncedAt: string | null): SyncStatus {
  if (outcome.kind === 'done') return { phase: 'idle', lastSyncedAt, lastError: null };
  if (outcome.kind === 'needs-login') return { phase: 'needs-login', lastSyncedAt, lastError: outcome.message };
  if (outcome.kind === 'transient' && outcome.code === 'network') return { phase: 'offline', lastSyncedAt, lastError: outcome.message };
  return { phase: 'error', lastSyncedAt, lastError: outcome.message };
}

/** The browser's StorageManager (storage-model.ts has the same one), or undefined. */
function findStorageApi(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep this site's storage, once per started service (after the first save). */
function makePersistRequest(persisted: Signal<boolean | null>): () => Promise<void> {
  let hasAsked = false;
  return async () => {
    if (hasAsked) return;
    hasAsked = true;
    if (!findStorageApi()?.persist) return;
    // The Storage screen's model, loaded only now (#12: off the first screen's JavaScript).
    const { askPersistentStorage } = await import('./storage-model');
    persisted.value = await askPersistentStorage(findStorageApi()).catch(() => false);
  };
}

/** Creates the sync service on the device's databases and wires it to `signals`; undefined when storage is unusable. */
export async function wireService(rt: Runtime, signals: SyncSignals): Promise<{ service: SyncService; unwire: () => void } | undefined> {
  const { pending, status, rejected, progress, persisted, reloadNeeded } = signals;
  let databases;
  try {
    databases = rt.getDatabases();
  } catch {
    status.value = { ...status.value, phase: 'error', lastError: rt.ERROR_MESSAGES.storage_unavailable };
    return undefined;
  }
  const requestPersistOnce = makePersistRequest(persisted);
  const service = rt.createSyncService(databases, rt.getTransport(), {
    onStart: () => (status.value = { ...status.value, phase: 'syncing' }),
    onFinish: (outcome, lastSyncedAt) => {
      progress.value = null;
      status.value = describeOutcome(outcome, lastSyncedAt);
    },
    onPending: (count) => (pending.value = count),
    onRejected: (rows) => (rejected.value = rows),
    onProgress: (next) => (progress.value = next),
    onWrite: () => {
      void requestPersistOnce();
      void rt.registerBackgroundSync(rt.SYNC_TAG);
    },
    // A participant's door needs its workshop (fetched by code), not the catalogue: on Slow 3G
    // that download would hold up the check-in. Once the person goes elsewhere, rounds pull it.
    wantsCatalogue: () => typeof location === 'undefined' || !isParticipantPath(location.pathname),
  });
  const lastSyncedAt = await service.readLastSyncedAt().catch(() => null);
  status.value = { ...status.value, lastSyncedAt, ...(status.value.phase === 'starting' ? { phase: 'idle' as const } : {}) };
  const stopWatchingVersion = rt.onVersionChange(() => {
    // The database is closed under us: stop syncing from this tab; the other tab carries on.
    service.stop();
    reloadNeeded.value = true;
    status.value = { ...status.value, phase: 'error', lastError: t('shell.sync.reloadNeeded') };
  });
  const unwireEvents = rt.wireWakeUps(service);
  // Live screens: a change made on another phone reaches an open screen within 30 s.
  const unwireLive = rt.wireLiveCheck(service.hasNewOnServer, service, rt.LIVE_CHECK_INTERVAL_MS);
  const unwire = () => {
    unwireEvents();
    unwireLive();
    stopWatchingVersion();
  };
  const api = findStorageApi();
  if (api?.persisted) persisted.value = await api.persisted().catch(() => null);
  return { service, unwire };
}
