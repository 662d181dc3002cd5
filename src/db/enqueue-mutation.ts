import type { Transaction } from 'dexie';
import { CURRENT_VERSION, type MutationArgs, type MutationName } from '../shared/mutations';
import { stampHlc, type OutboxRow } from './outbox-store';
import type { UserDb } from './user-db';

/**
 * Stamps the device clock and appends a mutation to the outbox, inside the caller's read-write
 * transaction (which must cover `outbox` and `meta`), so the record and its mutation commit
 * together or not at all. Returns the queued row with its HLC.
 */
export async function enqueueMutation<N extends MutationName>(
  tx: Transaction,
  name: N,
  args: MutationArgs<N>,
): Promise<OutboxRow> {
  const hlc = await stampHlc(tx);
  const db = tx.db as UserDb;
  const row: OutboxRow = { name, v: CURRENT_VERSION[name], args, hlc, createdAt: new Date(db.now()).toISOString() };
  row.seq = await tx.table<OutboxRow, number>('outbox').add(row);
  return row;
}

