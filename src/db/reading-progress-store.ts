import type { UserDb } from './user-db';

/** Where the person left an entry: the last heading they scrolled past. */
export interface ReadingProgressRow {
  entryId: string;
  headingId: string;
  /** ISO UTC time of the last update. */
  updatedAt: string;
}

/** Remembers the last heading reached in an entry (device only, works offline). */
export async function saveReadingProgress(db: UserDb, entryId: string, headingId: string): Promise<void> {
  await db.readingProgress.put({ entryId, headingId, updatedAt: new Date(db.now()).toISOString() });
}

/** Where the person left `entryId`, or undefined when they never scrolled into it. */
export function getReadingProgress(db: UserDb, entryId: string): Promise<ReadingProgressRow | undefined> {
  return db.readingProgress.get(entryId);
}
