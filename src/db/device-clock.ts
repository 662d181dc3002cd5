import type { Transaction } from 'dexie';
import { HybridClock } from '../shared/hlc';
import { uuidv7 } from '../shared/ids';
import { META_KEYS, type MetaRow } from './meta-store';
import type { UserDb } from './user-db';

/** The device's hybrid logical clock, opened inside a read-write transaction. */
export interface DeviceClock {
  clock: HybridClock;
  /** Writes the clock's current stamp back to meta, in the same transaction. */
  save(): Promise<void>;
}

/**
 * The one way to open the device clock: a single read of the device id and the last stamp,
 * inside the caller's read-write transaction over `meta`, so another tab's stamps are seen and a
 * stamp commits with what it stamps (or not at all). A device's first read makes and keeps its id.
 */
export async function readDeviceClock(tx: Transaction): Promise<DeviceClock> {
  const meta = tx.table<MetaRow, string>('meta');
  const db = tx.db as UserDb;
  const [idRow, clockRow] = await meta.bulkGet([META_KEYS.clientId, META_KEYS.hlc]);
  let clientId = idRow?.value as string | undefined;
  if (!clientId) {
    clientId = uuidv7(db.now());
    // Not awaited: the transaction orders the write, and if it fails everything is undone.
    void meta.put({ key: META_KEYS.clientId, value: clientId }).catch(ignoreInsideTransaction);
  }
  const clock = new HybridClock(clientId, db.now, clockRow?.value as string | undefined);
  return { clock, save: () => meta.put({ key: META_KEYS.hlc, value: clock.current() }).then(() => undefined) };
}

/** A failed write inside a transaction aborts it, and the transaction's own promise reports it. */
export function ignoreInsideTransaction(): void {}
