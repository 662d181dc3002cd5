import type { UserDb } from './user-db';

/** A catalogue entry the person saved as favourite on this device. */
export interface FavouriteRow {
  entryId: string;
  /** ISO UTC time it was saved. */
  savedAt: string;
}

/** Saves (or with `isFavourite` false, forgets) a favourite; works offline, stays on this device. */
export async function setFavourite(db: UserDb, entryId: string, isFavourite: boolean): Promise<void> {
  if (isFavourite) await db.favourites.put({ entryId, savedAt: new Date(db.now()).toISOString() });
  else await db.favourites.delete(entryId);
}

/** The favourites, newest first. */
export function listFavourites(db: UserDb): Promise<FavouriteRow[]> {
  return db.favourites.orderBy('savedAt').reverse().toArray();
}
