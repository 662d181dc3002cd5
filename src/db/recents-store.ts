import type { UserDb } from './user-db';

/** An entry the person opened, and when. */
export interface RecentRow {
  entryId: string;
  /** ISO UTC time of the last opening. */
  openedAt: string;
}

/** How many recent entries the device keeps. */
export const RECENTS_KEPT = 10;

/** Records an opening and trims the list to the newest RECENTS_KEPT, in one transaction. */
export async function recordOpened(db: UserDb, entryId: string): Promise<void> {
  await db.transaction('rw', db.recents, async () => {
    await db.recents.put({ entryId, openedAt: new Date(db.now()).toISOString() });
    const stale = await db.recents.orderBy('openedAt').reverse().offset(RECENTS_KEPT).primaryKeys();
    if (stale.length > 0) await db.recents.bulkDelete(stale);
  });
}

/** The recent openings, newest first. */
export function listRecents(db: UserDb): Promise<RecentRow[]> {
  return db.recents.orderBy('openedAt').reverse().toArray();
}
