/**
 * Who may send and read a photo's bytes (#13). A photo is reachable only through a checklist
 * photo row that names its hash and was not removed: coordinación reads every one (it follows the
 * country's programme); a gestor reads the photos of their own events whose bytes their account
 * sent (migration 998: a hash alone opens nothing, since an image is stored once for everyone who
 * attaches it); nobody else. The owner alone uploads, and only a photo already attached on the
 * server (the text travels first).
 */
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth/sessions';
import type { Database } from '../store/schema';

/** Whether `caller` has a live photo row with this hash (the one who may upload its bytes). */
export async function isAttachedBy(db: Kysely<Database>, caller: AuthUser, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('checklist_photos')
    .select('id')
    .where('sha256', '=', sha256)
    .where('deleted', '=', 0)
    .where('owner_id', '=', caller.id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Notes that `caller` sent these bytes (they hash to the name): their account may read them back. */
export async function recordHolder(db: Kysely<Database>, caller: AuthUser, sha256: string, bytes: number, nowIso: string): Promise<void> {
  await db.insertInto('media_holders').values({ sha256, user_id: caller.id, sent_at: nowIso, bytes }).onConflict((oc) => oc.columns(['sha256', 'user_id']).doNothing()).execute();
}

/**
 * What `caller` may do with the image behind this hash: `read` it (coordinación, or the owner of a
 * live photo naming it whose account sent its bytes); `wait` for it (a live photo of theirs names
 * it, but their account has not sent the bytes yet: for them it has not arrived, whoever else
 * sent it); or nothing (`none`).
 */
export async function findPhotoAccess(db: Kysely<Database>, caller: AuthUser, sha256: string): Promise<'read' | 'wait' | 'none'> {
  const isCoordinador = caller.roles.includes('coordinador');
  let photos = db.selectFrom('checklist_photos').select('id').where('sha256', '=', sha256).where('deleted', '=', 0);
  if (!isCoordinador) photos = photos.where('owner_id', '=', caller.id);
  if ((await photos.limit(1).executeTakeFirst()) === undefined) return 'none';
  if (isCoordinador) return 'read';
  const holder = await db.selectFrom('media_holders').select('sha256').where('sha256', '=', sha256).where('user_id', '=', caller.id).executeTakeFirst();
  return holder ? 'read' : 'wait';
}
