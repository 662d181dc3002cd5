import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * CONTRACT STUB — to be implemented over the real outbox (issue 3). The UI reads only these
 * exports; keep their names and shapes.
 */

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'needs-login';

export interface SyncStatus {
  phase: SyncPhase;
  /** ISO time of the last push+pull that finished without error. */
  lastSyncedAt: string | null;
  /** The last error, in plain Spanish, or null. */
  lastError: string | null;
}

const pending = signal(0);
const status = signal<SyncStatus>({ phase: 'idle', lastSyncedAt: null, lastError: null });

/** Changes saved on this device and not yet accepted by the server (the outbox count). */
export const pendingCount: ReadonlySignal<number> = pending;
/** Where sync stands now. */
export const syncStatus: ReadonlySignal<SyncStatus> = status;

/** Starts background sync: wake-ups on online, visibility, timer, writes. Call once at start. */
export function startSync(): void {}

/** "Sincronizar ahora": drains the outbox and pulls, now. */
export async function syncNow(): Promise<void> {}
