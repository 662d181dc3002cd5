import { sql, type Kysely } from 'kysely';
import { addDerivedTextColumns, dropColumns, type DerivedColumns } from './tables';

/**
 * Columns the national report groups attendance by, derived by the database from what the
 * handlers already write (`person` JSON, `doc_key`, `name_key`), so no write path changes and
 * none can forget them: the person's RED region, entity type and government level, the key
 * that counts a person once (document, else folded name and entity) and the folded entity
 * name. PostgreSQL stores them (computed once per write; `C` collation, so grouping compares
 * bytes); SQLite computes them on read (it cannot add a stored column to a table).
 * An erased record's person is `{}` and its keys null, so it leaves nothing in them.
 */
const COLUMNS = {
  report_region: { postgres: sql`(person::json ->> 'regionCode')`, sqlite: sql`json_extract(person, '$.regionCode')` },
  report_entity_type: { postgres: sql`(person::json ->> 'entityType')`, sqlite: sql`json_extract(person, '$.entityType')` },
  report_level: { postgres: sql`(person::json ->> 'governmentLevel')`, sqlite: sql`json_extract(person, '$.governmentLevel')` },
  report_person: { postgres: sql`coalesce(doc_key, name_key)`, sqlite: sql`coalesce(doc_key, name_key)` },
  report_entity: { postgres: sql`split_part(name_key, '|', 2)`, sqlite: sql`substr(name_key, instr(name_key, '|') + 1)` },
} as const satisfies DerivedColumns;

/** Adds the derived columns. */
export async function up(db: Kysely<any>): Promise<void> {
  await addDerivedTextColumns(db, 'attendance', COLUMNS);
}

/** Drops them. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'attendance', Object.keys(COLUMNS));
}
