/**
 * Who may send and read a photo's bytes (#13). A photo is reachable only through a checklist
 * photo row that names its hash and was not removed: its event's owner reads it, coordinación
 * reads every one (it follows the country's programme), nobody else. The owner alone uploads,
 * and only a photo already attached on the server (the text travels first).
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

/** Whether `caller` may read the image with this hash. */
export async function canReadPhoto(db: Kysely<Database>, caller: AuthUser, sha256: string): Promise<boolean> {
  let query = db.selectFrom('checklist_photos').select('id').where('sha256', '=', sha256).where('deleted', '=', 0);
  if (!caller.roles.includes('coordinador')) query = query.where('owner_id', '=', caller.id);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
