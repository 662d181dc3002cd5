import type { Table, Transaction } from 'dexie';
import { HybridClock } from '../shared/hlc';
import { ensureClientId, META_KEYS, readMeta, writeMeta, type MetaRow } from './meta-store';
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

/** The device's clock as persisted in meta, read inside the caller's transaction. */
async function openClock(tx: Transaction): Promise<{ meta: Table<MetaRow, string>; clock: HybridClock }> {
  const meta = tx.table<MetaRow, string>('meta');
  const db = tx.db as UserDb;
  const clientId = await ensureClientId(meta, db.now());
  return { meta, clock: new HybridClock(clientId, db.now, await readMeta<string>(meta, META_KEYS.hlc)) };
}

/** Folds a stamp seen elsewhere into the persisted clock, so later local stamps sort after it. */
export async function receiveHlc(tx: Transaction, remote: string): Promise<void> {
  const { meta, clock } = await openClock(tx);
  clock.receive(remote);
  await writeMeta(meta, META_KEYS.hlc, clock.current());
}

/** The oldest queued mutations, in seq order. */
export function readOutboxHead(db: UserDb, limit: number): Promise<QueuedMutation[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray() as Promise<QueuedMutation[]>;
}
