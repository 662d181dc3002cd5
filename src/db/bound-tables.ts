import type { Transaction } from 'dexie';
import type { UserDb } from './user-db';

/**
 * The user database as seen from inside `tx`: every table bound to the transaction itself, so
 * the appliers' reads and writes stay in it even where Dexie's zone is lost across a native
 * await (a lost zone sends a read to a transaction of its own, and ours commits too early).
 */
export function bindToTransaction(db: UserDb, tx: Transaction): UserDb {
  const bound = Object.create(db) as UserDb;
  for (const name of tx.storeNames) Object.defineProperty(bound, name, { value: tx.table(name) });
  return bound;
}
