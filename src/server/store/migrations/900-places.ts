import { sql, type Kysely } from 'kysely';
import { createIndex, createPulledTable, NULLABLE_TEXT, TEXT } from './tables';

/**
 * `places`: RED regions, provinces and districts, server-authored and pulled by every device
 * with the catalogue. Each row carries a version from the global counter and a tombstone flag,
 * like every syncable table, so a pull with `version > cursor` finds renames and removals.
 * `id` is `level:code` because region 1501 (Lima Metropolitana) and province 1501 share a code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPulledTable(db, 'places', {
    code: TEXT,
    level: { ...TEXT, check: sql`level in ('region', 'province', 'district')` },
    name: TEXT,
    parent_code: NULLABLE_TEXT,
    region_code: TEXT,
  });
  await createIndex(db, 'places_level_code', 'places', ['level', 'code'], { unique: true });
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('places').execute();
}
