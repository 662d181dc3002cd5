/**
 * Photos leave the server with what they belong to (#13). A removed photo stops being served at
 * once (photo-access.ts); its bytes go at the next sweep, unless another live photo names the same
 * image (the same picture on two items). Erasing an event's data tombstones its photos, scrubs
 * their captions and times, and deletes their bytes at once.
 *
 * There is no erasure of a whole event on the server yet (events are archived, never deleted):
 * `eraseEventPhotos` is the step such an erasure must call; until then nothing calls it but tests.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../context';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import type { MediaStore } from './media-store';

/** At most this many names per `in (…)` query. */
const CHUNK = 500;

/** A temporary file this old is no upload in progress (one takes seconds): a crash left it. */
const LEFTOVER_AFTER_MS = 60 * 60_000;

/** Of these image names, the ones no live photo names any more. */
async function findUnreferenced(db: Kysely<Database>, sha256s: readonly string[]): Promise<string[]> {
  const orphans: string[] = [];
  for (let at = 0; at < sha256s.length; at += CHUNK) {
    const chunk = sha256s.slice(at, at + CHUNK);
    const live = await db.selectFrom('checklist_photos').select('sha256').distinct().where('deleted', '=', 0).where('sha256', 'in', chunk).execute();
    const named = new Set(live.map((row) => row.sha256));
    orphans.push(...chunk.filter((sha256) => !named.has(sha256)));
  }
  return orphans;
}

/**
 * Deletes the bytes of every stored image no live photo names (removed, erased, or never
 * attached), and what interrupted writes left behind. Known gap: the same picture attached again in the instant between the check and the
 * delete loses its bytes (its phone was told they were there); the window is one query long.
 */
export async function sweepUnreferencedMedia(db: Kysely<Database>, media: MediaStore, candidates?: readonly string[], nowMs = Date.now()): Promise<number> {
  if (!candidates) await media.removeLeftovers(LEFTOVER_AFTER_MS, nowMs);
  const orphans = await findUnreferenced(db, candidates ?? (await media.list()));
  await media.remove(orphans);
  for (let at = 0; at < orphans.length; at += CHUNK) {
    await db.deleteFrom('media_holders').where('sha256', 'in', orphans.slice(at, at + CHUNK)).execute();
  }
  return orphans.length;
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
  await sweepUnreferencedMedia(ctx.db, media, [...new Set(erased.map((photo) => photo.sha256))]);
  return erased.length;
}
