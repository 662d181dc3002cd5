import type { Kysely } from 'kysely';
import { createTable, INTEGER, KEY, TEXT } from './tables';

/**
 * `media_objects` (#13): the photos' bytes, by SHA-256, where every server process can reach them.
 * Used on PostgreSQL (bytea); the embedded SQLite server keeps its photos as files under
 * `TINKUY_DATA_DIR/media` instead (server/media/media-store.ts), so there the table stays empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(db, 'media_objects', { sha256: KEY, content_type: TEXT, size: INTEGER, data: { type: 'bytea' }, stored_at: TEXT });
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_objects').execute();
}
