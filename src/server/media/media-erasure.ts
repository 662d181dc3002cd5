/**
 * Photos leave the server with what they belong to (#13). A removed photo stops being served at
 * once (photo-access.ts); its bytes go at the next sweep, unless another live photo names the same
 * image (the same picture on two items). Erasing an event's data tombstones its photos, scrubs
 * their captions and times, and deletes their bytes at once.
 *
 * There is no erasure of a whole event on the server yet (events are archived, never deleted):
 * `eraseEventPhotos` is the step such an erasure must call; until then nothing calls it but tests.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import type { MediaStore } from './media-store';

/** A temporary file this old is no upload in progress (one takes seconds): a crash left it. */
const LEFTOVER_AFTER_MS = 60 * 60_000;

type MediaTable = 'media_holders' | 'media_objects';

/** Deletes the rows of `table` whose image no live photo names (among `candidates`, when given); returns their names. */
async function deleteUnreferenced(trx: Transaction<Database>, table: MediaTable, candidates: readonly string[] | undefined): Promise<string[]> {
  let query = trx.deleteFrom(table).where(({ not, exists, selectFrom }) =>
    not(exists(selectFrom('checklist_photos').select('checklist_photos.id').whereRef('checklist_photos.sha256', '=', `${table}.sha256`).where('checklist_photos.deleted', '=', 0))),
  );
  if (candidates) query = query.where(`${table}.sha256`, 'in', candidates);
  return (await query.returning(`${table}.sha256 as sha256`).execute()).map((row) => row.sha256);
}

/**
 * Deletes the bytes of every stored image no live photo names (removed, erased, or never
 * attached), and what interrupted writes left behind. No listing of the stored images: one
 * delete per table finds and removes them — `media_objects` holds the bytes on PostgreSQL; on
 * SQLite the account rows of `media_holders` name the files to remove. The re-attach race is
 * closed by the version counter: the sweep holds it from the check to the last file removed, and
 * every push takes it before attaching a photo, so an attach either commits before the sweep
 * (its image is named, and kept) or after it (its phone then sends the bytes again, as the image
 * is gone when its upload asks). Files stored with no account row (a crash between the two) stay.
 */
export async function sweepUnreferencedMedia(
  db: Kysely<Database>, engine: 'sqlite' | 'postgres', media: MediaStore, candidates?: readonly string[], nowMs = Date.now(),
): Promise<number> {
  if (candidates?.length === 0) return 0;
  if (!candidates) await media.removeLeftovers(LEFTOVER_AFTER_MS, nowMs);
  return runInTransaction(db, async (trx) => {
    await lockVersionCounter(trx, engine);
    const orphans = new Set([...(await deleteUnreferenced(trx, 'media_objects', candidates)), ...(await deleteUnreferenced(trx, 'media_holders', candidates))]);
    // Files go while the counter is held; a database store's rows went with the delete above.
    if (media.kind === 'files') await media.remove([...orphans]);
    return orphans.size;
  });
}

/** Erases every photo of an event: tombstones pulled by devices, no caption or time kept, bytes deleted. Returns how many. */
export async function eraseEventPhotos(ctx: AppContext, media: MediaStore, eventId: string): Promise<number> {
  const erased = await runInTransaction(ctx.db, async (trx) => {
    await lockVersionCounter(trx, ctx.engine);
    const nowIso = new Date(ctx.now()).toISOString();
    const photos = await trx.selectFrom('checklist_photos').select(['id', 'sha256']).where('event_id', '=', eventId).where('deleted', '=', 0).execute();
    for (const { id } of photos) {
      const scrubbed = { deleted: 1, caption: null, taken_at: null, version: await nextVersion(trx), updated_at: nowIso };
      await trx.updateTable('checklist_photos').set(scrubbed).where('id', '=', id).execute();
    }
    return photos;
  });
  await sweepUnreferencedMedia(ctx.db, ctx.engine, media, [...new Set(erased.map((photo) => photo.sha256))]);
  return erased.length;
}
