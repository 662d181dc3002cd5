import type { Kysely } from 'kysely';

/**
 * `checklist_photos` (#13): which photo (by the SHA-256 of its bytes) is attached to which item of
 * a run. The image itself is stored apart (media store) and read only by those who may see a
 * photo row that holds its hash and was not removed; a removed photo stays as a tombstone
 * (`deleted = 1`) so devices drop it and the image stops being served.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checklist_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // The run's event and owner, copied so the pull, the image's reader and an erasure filter by one column.
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text')
    .addColumn('caption', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklist_photos_version').on('checklist_photos').column('version').execute();
  await db.schema.createIndex('checklist_photos_owner_version').on('checklist_photos').columns(['owner_id', 'version']).execute();
  await db.schema.createIndex('checklist_photos_sha256').on('checklist_photos').column('sha256').execute();
  await db.schema.createIndex('checklist_photos_event').on('checklist_photos').column('event_id').execute();
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('checklist_photos').execute();
}
