import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listFavourites, setFavourite } from '../db/favourites-store';
import { liveSignal } from './live-signal';
import { getReadingProgress, saveReadingProgress } from '../db/reading-progress-store';
import { listRecents, recordOpened } from '../db/recents-store';

/**
 * What the person does with the catalogue on this device: favourites, recent readings and where
 * they left each entry. Kept only in the user database (never sent: nothing here is shared), so
 * it works offline and survives reloads.
 */

/** Ids of favourite entries, newest first, live. */
export const favouriteIds: ReadonlySignal<string[]> = liveSignal(async () => (await listFavourites(getDatabases().user)).map((row) => row.entryId), []);

/** Ids of recently opened entries, newest first, live. */
export const recentIds: ReadonlySignal<string[]> = liveSignal(async () => (await listRecents(getDatabases().user)).map((row) => row.entryId), []);

/** Saves or removes a favourite. Throws a storage error when the device cannot write. */
export async function saveFavourite(entryId: string, isFavourite: boolean): Promise<void> {
  await setFavourite(getDatabases().user, entryId, isFavourite);
}

/** Notes that the person opened an entry (for "Recientes"); a failing write is not worth an error. */
export async function noteEntryOpened(entryId: string): Promise<void> {
  await recordOpened(getDatabases().user, entryId).catch(() => undefined);
}

/** The heading id where the person left an entry, or undefined. */
export async function readLeftOffHeading(entryId: string): Promise<string | undefined> {
  const row = await getReadingProgress(getDatabases().user, entryId).catch(() => undefined);
  return row?.headingId;
}

/** Remembers the last heading reached in an entry; best effort (a full disk only loses the bookmark). */
export async function rememberHeading(entryId: string, headingId: string): Promise<void> {
  await saveReadingProgress(getDatabases().user, entryId, headingId).catch(() => undefined);
}
