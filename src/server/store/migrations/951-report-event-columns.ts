import { PostgresAdapter, sql, type Kysely } from 'kysely';

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
} as const;

/** Adds the derived columns and the index on the start. */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, expression] of Object.entries(COLUMNS)) {
    const column = sql.id(name);
    if (isPostgres) {
      await sql`alter table events add column ${column} text collate "C" generated always as (${expression.postgres}) stored`.execute(db);
    } else {
      await sql`alter table events add column ${column} text generated always as (${expression.sqlite}) virtual`.execute(db);
    }
  }
  await db.schema.createIndex('events_report_starts_at').on('events').column('report_starts_at').execute();
}

/** Drops them. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_report_starts_at').execute();
  for (const name of Object.keys(COLUMNS)) await db.schema.alterTable('events').dropColumn(name).execute();
}
