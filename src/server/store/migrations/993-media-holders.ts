import type { Kysely } from 'kysely';
import { createTable, TEXT } from './tables';

/**
 * `media_holders` (#13): which accounts have sent a photo's bytes. Photos are stored once per
 * image, named by their hash, so a hash alone must not open an image: a gestor who attached
 * someone else's hash (read in a log, an exported changes file) would otherwise read that
 * person's photo. A gestor reads an image only after sending its bytes once (any device of the
 * account); coordinación reads every photo attached to an event.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(db, 'media_holders', { sha256: TEXT, user_id: TEXT, sent_at: TEXT }, { name: 'media_holders_pk', columns: ['sha256', 'user_id'] });
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_holders').execute();
}
