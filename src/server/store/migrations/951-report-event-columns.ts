import { sql, type Kysely } from 'kysely';
import { addDerivedTextColumns, createIndex, dropColumns, type DerivedColumns } from './tables';

/**
 * The national report reads events by the start, end and place inside their `data` JSON; read
 * that way, 20,000 events cost one JSON parse per field per row on every report (seconds on
 * PostgreSQL). Like 950 for attendance, the database derives the three as columns — stored on
 * PostgreSQL, computed on read on SQLite — and the start is indexed for the year's range.
 */
const COLUMNS = {
  report_starts_at: { postgres: sql`(data::json ->> 'startsAt')`, sqlite: sql`json_extract(data, '$.startsAt')` },
  report_ends_at: { postgres: sql`(data::json ->> 'endsAt')`, sqlite: sql`json_extract(data, '$.endsAt')` },
  report_place: { postgres: sql`(data::json ->> 'placeCode')`, sqlite: sql`json_extract(data, '$.placeCode')` },
} as const satisfies DerivedColumns;

/** Adds the derived columns and the index on the start. */
export async function up(db: Kysely<any>): Promise<void> {
  await addDerivedTextColumns(db, 'events', COLUMNS);
  await createIndex(db, 'events_report_starts_at', 'events', 'report_starts_at');
}

/** Drops them. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_report_starts_at').execute();
  await dropColumns(db, 'events', Object.keys(COLUMNS));
}
