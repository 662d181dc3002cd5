import type { Transaction } from 'dexie';
import { currentVersion, type MutationArgs, type MutationName } from '../shared/mutations';
import { ignoreInsideTransaction, readDeviceClock } from './device-clock';
import type { OutboxRow } from './outbox-store';
import type { UserDb } from './user-db';

/**
 * Stamps the device clock for a mutation inside the caller's read-write transaction (covering
 * `meta`), and writes the advanced clock back without waiting for it (the transaction orders the
 * write; if it fails, all is undone).
 */
export async function stampMutation<N extends MutationName>(tx: Transaction, name: N, args: MutationArgs<N>): Promise<OutboxRow> {
  const db = tx.db as UserDb;
  const { clock, save } = await readDeviceClock(tx);
  const hlc = clock.tick();
  void save().catch(ignoreInsideTransaction);
  return { name, v: currentVersion(name), args, hlc, createdAt: new Date(db.now()).toISOString() };
}

/** Appends a stamped row to the outbox inside the caller's transaction; resolves with its seq set. */
export async function appendToOutbox(tx: Transaction, row: OutboxRow): Promise<OutboxRow> {
  row.seq = await tx.table<OutboxRow, number>('outbox').add(row);
  return row;
}

/**
 * Stamps the device clock and appends a mutation to the outbox, inside the caller's read-write
 * transaction (which must cover `outbox` and `meta`), so the record and its mutation commit
 * together or not at all. Returns the queued row with its HLC.
 */
export async function enqueueMutation<N extends MutationName>(tx: Transaction, name: N, args: MutationArgs<N>): Promise<OutboxRow> {
  return appendToOutbox(tx, await stampMutation(tx, name, args));
}
