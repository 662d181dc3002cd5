import type { Kysely } from 'kysely';

/**
 * The catalogue as the server keeps it: entries (compiled row, Markdown source, the hash of the
 * build that last loaded it) with their publishing history, and checklist templates. Like every
 * pulled table they carry a version from the global counter and a tombstone flag.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('build_hash', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalogue_entries_version').on('catalogue_entries').column('version').execute();

  await db.schema
    .createTable('catalogue_entry_history')
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_entry_history_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('catalogue_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('build_hash', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalogue_templates_version').on('catalogue_templates').column('version').execute();
}

/** Drops the catalogue tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalogue_templates').execute();
  await db.schema.dropTable('catalogue_entry_history').execute();
  await db.schema.dropTable('catalogue_entries').execute();
}
