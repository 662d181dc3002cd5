import type { Transaction } from 'dexie';
import { HybridClock } from '../shared/hlc';
import { uuidv7 } from '../shared/ids';
import { currentVersion, type MutationArgs, type MutationName } from '../shared/mutations';
import { META_KEYS, type MetaRow } from './meta-store';
import type { OutboxRow } from './outbox-store';
import type { UserDb } from './user-db';

/**
 * Stamps the device clock for a mutation inside the caller's read-write transaction (covering
 * `meta`): one read of the device id and the clock together, and the advanced clock written
 * back without waiting for it (the transaction orders the write; if it fails, all is undone).
 * Another tab's stamps are seen because the clock is read inside the transaction.
 */
export async function stampMutation<N extends MutationName>(tx: Transaction, name: N, args: MutationArgs<N>): Promise<OutboxRow> {
  const meta = tx.table<MetaRow, string>('meta');
  const db = tx.db as UserDb;
  const [idRow, clockRow] = await meta.bulkGet([META_KEYS.clientId, META_KEYS.hlc]);
  let clientId = idRow?.value as string | undefined;
  if (!clientId) {
    clientId = uuidv7(db.now());
    void meta.put({ key: META_KEYS.clientId, value: clientId }).catch(ignoreInsideTransaction);
  }
  const hlc = new HybridClock(clientId, db.now, clockRow?.value as string | undefined).tick();
  void meta.put({ key: META_KEYS.hlc, value: hlc }).catch(ignoreInsideTransaction);
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

/** A failed write inside a transaction aborts it, and the transaction's own promise reports it. */
function ignoreInsideTransaction(): void {}
