import type { Table } from 'dexie';
import type { SessionUser } from '../shared/protocol';
import { uuidv7 } from '../shared/ids';
import type { UserDb } from './user-db';

/** One key/value pair of device bookkeeping in the user database. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The device session as kept on the phone; it stays while offline, whatever the tokens' age. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token expires. */
  expiresAt: string;
  user: SessionUser;
  /** Set when the server refused both tokens: the person must log in again. */
  expired?: boolean;
}

/** The keys the user database's meta table holds. */
export const META_KEYS = {
  clientId: 'clientId',
  hlc: 'hlc',
  userCursor: 'cursor:user',
  session: 'session',
  lastSyncedAt: 'lastSyncedAt',
  exportedSeq: 'exportedSeq',
  imported: 'imported',
  /** The queued mutation a push keeps failing on (500) when sent alone, and how often in a row. */
  pushSuspect: 'pushSuspect',
  /**
   * Set for good once this device's copy may hold a local effect the server never applied (a
   * refused or held-back mutation, an imported one this build could not apply): from then on its
   * pulls ask for every row, its own writes included (no echo skipping, #12).
   */
  echoOff: 'echoOff',
} as const;

/** Reads one meta value (inside or outside a transaction). */
export async function readMeta<T>(table: Table<MetaRow, string>, key: string): Promise<T | undefined> {
  const row = await table.get(key);
  return row?.value as T | undefined;
}

/** Writes one meta value (inside or outside a transaction). */
export async function writeMeta(table: Table<MetaRow, string>, key: string, value: unknown): Promise<void> {
  await table.put({ key, value });
}

/** The device id (a UUIDv7 made on the first call and kept), read inside the caller's transaction if any. */
export async function ensureClientId(meta: Table<MetaRow, string>, nowMs: number): Promise<string> {
  const existing = await readMeta<string>(meta, META_KEYS.clientId);
  if (existing) return existing;
  const created = uuidv7(nowMs);
  await writeMeta(meta, META_KEYS.clientId, created);
  return created;
}

/** The device id, creating it once in its own transaction. */
export function getClientId(db: UserDb): Promise<string> {
  return db.transaction('rw', db.meta, () => ensureClientId(db.meta, db.now()));
}

/** The stored session, or undefined when nobody has logged in on this device. */
export function readSession(db: UserDb): Promise<StoredSession | undefined> {
  return readMeta<StoredSession>(db.meta, META_KEYS.session);
}

/** Keeps (or with undefined, forgets) the device session. */
export async function writeSession(db: UserDb, session: StoredSession | undefined): Promise<void> {
  if (session) await writeMeta(db.meta, META_KEYS.session, session);
  else await db.meta.delete(META_KEYS.session);
}
