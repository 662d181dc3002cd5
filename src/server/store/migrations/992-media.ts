import type { Kysely } from 'kysely';

/**
 * `media_objects` (#13): the photos' bytes, by SHA-256, where every server process can reach them.
 * Used on PostgreSQL (bytea); the embedded SQLite server keeps its photos as files under
 * `TINKUY_DATA_DIR/media` instead (server/media/media-store.ts), so there the table stays empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media_objects')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_objects').execute();
}
