import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RejectedRow } from '../db/rejected-store';
import type { SyncOutcome } from '../sync/retry-policy';
import type { SyncService } from '../sync/sync-service';
import { t } from '../shared/i18n';
import { isParticipantPath } from '../sync/door-prefetch';

/**
 * Sync as the screens see it: how many changes wait, where sync stands, what needs attention.
 * This module is part of the main bundle (the badge reads it); keep it small. Its runtime (Dexie,
 * the drain, the pull) is a lazy chunk, started by `startSync` right after the first render and
 * reached only through `loadRuntime`. Until it runs the phase is 'starting' and the badge shows
 * a neutral word. Offline, changes wait in the outbox and the phase reads "offline" until a
 * wake-up (online, visible, a write, the timer) sends them. The changes-file actions live in
 * `changes-file-model.ts`.
 */

export type SyncPhase = 'starting' | 'idle' | 'syncing' | 'offline' | 'error' | 'needs-login';

export interface SyncStatus {
  /** Where sync stands now. */
  phase: SyncPhase;
  /** ISO time of the last push+pull that finished without error. */
  lastSyncedAt: string | null;
  /** The last error, in plain Spanish, or null. */
  lastError: string | null;
}

/** How far the current push has gone. */
export interface SyncProgress {
  sent: number;
  total: number;
}

const pending = signal(0);
const status = signal<SyncStatus>({ phase: 'starting', lastSyncedAt: null, lastError: null });
const rejected = signal<RejectedRow[]>([]);
const progress = signal<SyncProgress | null>(null);
const persisted = signal<boolean | null>(null);
const reloadNeeded = signal(false);

/** Changes saved on this device and not yet accepted by the server (the live outbox count). */
export const pendingCount: ReadonlySignal<number> = pending;
/** Where sync stands now. */
export const syncStatus: ReadonlySignal<SyncStatus> = status;
/** The "Requiere atención" list: changes the server refused, live. */
export const rejectedChanges: ReadonlySignal<RejectedRow[]> = rejected;
/** Progress of the push running now, or null. */
export const syncProgress: ReadonlySignal<SyncProgress | null> = progress;
/** Whether the browser promised to keep this site's storage (null: not known yet). */
export const isStoragePersisted: ReadonlySignal<boolean | null> = persisted;
/** True once a newer Tinkuy opened the databases in another tab: this tab closed them and must reload. */
export const isReloadNeeded: ReadonlySignal<boolean> = reloadNeeded;
/** True while unsent changes sit in storage the browser may evict. */
export const shouldWarnUnpersisted: ReadonlySignal<boolean> = computed(() => pending.value > 0 && persisted.value === false);

type Runtime = typeof import('../sync/sync-service');
let starting: Promise<SyncService | undefined> | undefined;
let hasAskedPersist = false;
let unwire: (() => void) | undefined;

/**
 * The runtime (Dexie, drain, pull), off the critical path: Dexie (its ESM build, aliased in
 * vite.config.ts) is a chunk of its own, fetched in parallel with the sync chunk. The load may
 * fail (offline with no service worker yet): callers treat it as async and fallible.
 */
function loadRuntime(): Promise<Runtime> {
  return Promise.all([import('dexie'), import('../sync/sync-service')]).then(([, rt]) => rt);
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

async function requestPersistOnce(): Promise<void> {
  if (hasAskedPersist) return;
  hasAskedPersist = true;
  if (!findStorageApi()?.persist) return;
  // The Storage screen's model, loaded only now (#12: off the first screen's JavaScript).
  const { askPersistentStorage } = await import('./storage-model');
  persisted.value = await askPersistentStorage(findStorageApi()).catch(() => false);
}

async function startService(): Promise<SyncService | undefined> {
  let rt: Runtime;
  try {
    rt = await loadRuntime();
  } catch {
    // The chunk could not load (no service worker and no connection): the next call tries again.
    starting = undefined;
    status.value = { ...status.value, phase: 'error', lastError: t('shell.sync.runtimeFailed') };
    return undefined;
  }
  let databases;
  try {
    databases = rt.getDatabases();
  } catch {
    status.value = { ...status.value, phase: 'error', lastError: rt.ERROR_MESSAGES.storage_unavailable };
    return undefined;
  }
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
  unwire = () => {
    unwireEvents();
    unwireLive();
    stopWatchingVersion();
  };
  const api = findStorageApi();
  if (api?.persisted) persisted.value = await api.persisted().catch(() => null);
  return service;
}

function ensureService(): Promise<SyncService | undefined> {
  starting ??= startService();
  return starting;
}

/** Starts background sync: wake-ups on online, visibility, timer, writes. Call once at start. */
export function startSync(): void {
  void ensureService().then((service) => service?.wake());
}

/** "Sincronizar ahora": drains the outbox and pulls, now; resolves when the round ends. */
export async function syncNow(): Promise<void> {
  await (await ensureService())?.wake();
}

/** Stops sync and forgets the runtime state (tests; a page never needs it). */
export async function stopSync(): Promise<void> {
  const service = await starting;
  service?.stop();
  unwire?.();
  starting = undefined;
  unwire = undefined;
  hasAskedPersist = false;
  pending.value = 0;
  rejected.value = [];
  progress.value = null;
  persisted.value = null;
  reloadNeeded.value = false;
  status.value = { phase: 'starting', lastSyncedAt: null, lastError: null };
}
