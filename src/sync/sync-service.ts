import { liveQuery } from 'dexie';
import type { Databases } from '../db/connection';
import { META_KEYS, readMeta } from '../db/meta-store';
import { onLocalWrite } from '../db/write-events';
import { listRejected, type RejectedRow } from '../db/rejected-store';
import type { SyncOutcome } from './retry-policy';
import { createSyncScheduler, type SyncScheduler } from './scheduler';
import { hasNewOnServer } from './live-check';
import { runSyncCycle } from './sync-cycle';
import type { Transport } from './transport';

/**
 * The page's sync runtime, loaded after the first paint (it carries Dexie): a scheduler over
 * the sync round, live counts of the outbox and the attention list, and the write wake-up. It
 * has no DOM of its own: `wireWakeUps` (wake-ups.ts) ties `online` and `visibilitychange` to `wake()`.
 */

/** Where the runtime reports; the state model turns these into signals. */
export interface SyncServiceListeners {
  onStart(): void;
  onFinish(outcome: SyncOutcome, lastSyncedAt: string | null, retryInMs?: number): void;
  onPending(count: number): void;
  onRejected(rows: RejectedRow[]): void;
  onProgress(progress: { sent: number; total: number }): void;
  /** After each committed local write (for the persist request and Background Sync). */
  onWrite(): void;
  /** Whether a round pulls the catalogue now (not on a participant's door, #12); yes when absent. */
  wantsCatalogue?(): boolean;
}

/** A running sync runtime. */
export interface SyncService extends SyncScheduler {
  /** The time of the last finished round, read from the user database. */
  readLastSyncedAt(): Promise<string | null>;
  /** Whether the server holds something new for this device (live screens, live-check.ts). */
  hasNewOnServer(): Promise<boolean>;
}

/** Starts the runtime over `databases` and `transport`; call `stop()` to end every timer and subscription. */
export function createSyncService(
  databases: Databases,
  transport: Transport,
  listeners: SyncServiceListeners,
  random?: () => number,
): SyncService {
  const readLastSyncedAt = async () => (await readMeta<string>(databases.user.meta, META_KEYS.lastSyncedAt)) ?? null;
  let lastSyncedAt: string | null = null;
  const scheduler = createSyncScheduler({
    run: async () => {
      const outcome = await runSyncCycle({
        ...databases, transport, onProgress: listeners.onProgress,
        ...(listeners.wantsCatalogue ? { wantsCatalogue: () => listeners.wantsCatalogue!() } : {}),
        ...(random ? { random } : {}),
      });
      lastSyncedAt = await readLastSyncedAt().catch(() => lastSyncedAt);
      return outcome;
    },
    onStart: listeners.onStart,
    onFinish: (outcome, retryInMs) => listeners.onFinish(outcome, lastSyncedAt, retryInMs),
    ...(random ? { random } : {}),
  });
  const pending = liveQuery(() => databases.user.outbox.count()).subscribe({ next: listeners.onPending, error: () => undefined });
  const rejected = liveQuery(() => listRejected(databases.user)).subscribe({ next: listeners.onRejected, error: () => undefined });
  const stopWrites = onLocalWrite(() => {
    listeners.onWrite();
    scheduler.wakeSoon();
  });
  return {
    ...scheduler,
    readLastSyncedAt,
    hasNewOnServer: () => hasNewOnServer({ ...databases, transport }),
    stop() {
      scheduler.stop();
      pending.unsubscribe();
      rejected.unsubscribe();
      stopWrites();
    },
  };
}

export { getDatabases, onVersionChange } from '../db/connection';
export { getTransport } from './transport';
// The error words reach the main chunk's sync model through the runtime, off the critical path (#12).
export { ERROR_MESSAGES } from '../shared/errors';
export { SYNC_TAG } from './sw-entry';
export { LIVE_CHECK_INTERVAL_MS } from './live-check';
export { registerBackgroundSync, wireLiveCheck, wireWakeUps } from './wake-ups';
