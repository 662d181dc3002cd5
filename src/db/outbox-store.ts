import type { Transaction } from 'dexie';
import { readDeviceClock } from './device-clock';
import type { UserDb } from './user-db';

/** A mutation saved on this device and not yet accepted by the server. */
export interface OutboxRow {
  /** Assigned by IndexedDB; only ever grows on this device, so it orders the queue. */
  seq?: number;
  name: string;
  v: number;
  args: unknown;
  hlc: string;
  createdAt: string;
  /** When imported from a file: the device and seq it was first queued under. */
  origin?: { clientId: string; seq: number };
}

/** An outbox row as read back, with its seq. */
export type QueuedMutation = OutboxRow & { seq: number };

/** Folds a stamp seen elsewhere into the persisted clock, inside the caller's transaction, so later local stamps sort after it. */
export async function receiveHlc(tx: Transaction, remote: string): Promise<void> {
  const { clock, save } = await readDeviceClock(tx);
  clock.receive(remote);
  await save();
}

/** The oldest queued mutations, in seq order. */
export function readOutboxHead(db: UserDb, limit: number): Promise<QueuedMutation[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray() as Promise<QueuedMutation[]>;
}
