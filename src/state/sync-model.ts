import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RejectedRow } from '../db/rejected-store';
import type { SyncService } from '../sync/sync-service';
import { t } from '../shared/i18n';

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

/** The sync runtime's module (Dexie, drain, pull), as sync-wiring.ts receives it. */
export type Runtime = typeof import('../sync/sync-service');
let starting: Promise<SyncService | undefined> | undefined;
let unwire: (() => void) | undefined;

/**
 * The runtime (Dexie, drain, pull), off the critical path: Dexie (its ESM build, aliased in
 * vite.config.ts) is a chunk of its own, fetched in parallel with the sync chunk. The load may
 * fail (offline with no service worker yet): callers treat it as async and fallible.
 */
function loadRuntime(): Promise<Runtime> {
  return Promise.all([import('dexie'), import('../sync/sync-service')]).then(([, rt]) => rt);
}

/**
 * Loads the runtime and its wiring (sync-wiring.ts) in parallel, after the first render: the
 * wiring stays out of the main chunk (#12). A load that fails (offline with no service worker
 * yet) leaves the phase at 'error'; the next call tries again.
 */
async function startService(): Promise<SyncService | undefined> {
  let loaded: [Runtime, typeof import('./sync-wiring')];
  try {
    loaded = await Promise.all([loadRuntime(), import('./sync-wiring')]);
  } catch {
    starting = undefined;
    status.value = { ...status.value, phase: 'error', lastError: t('shell.sync.runtimeFailed') };
    return undefined;
  }
  const [rt, wiring] = loaded;
  const started = await wiring.wireService(rt, { pending, status, rejected, progress, persisted, reloadNeeded });
  unwire = started?.unwire;
  return started?.service;
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
  pending.value = 0;
  rejected.value = [];
  progress.value = null;
  persisted.value = null;
  reloadNeeded.value = false;
  status.value = { phase: 'starting', lastSyncedAt: null, lastError: null };
}
