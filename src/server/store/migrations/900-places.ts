import { sql, type Kysely } from 'kysely';

/**
 * `places`: RED regions, provinces and districts, server-authored and pulled by every device
 * with the catalogue. Each row carries a version from the global counter and a tombstone flag,
 * like every syncable table, so a pull with `version > cursor` finds renames and removals.
 * `id` is `level:code` because region 1501 (Lima Metropolitana) and province 1501 share a code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('region', 'province', 'district')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('places_level_code').on('places').columns(['level', 'code']).unique().execute();
  await db.schema.createIndex('places_version').on('places').column('version').execute();
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('places').execute();
}
