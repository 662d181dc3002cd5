import { sql, type Kysely } from 'kysely';

/**
 * `media_holders.bytes` (#13): how many bytes each account sent, so a per-account quota can be
 * summed in one query (server/media/media-limits.ts). Rows from before take their size from
 * `media_objects` (PostgreSQL); photos kept as files (SQLite) start at 0 and count from now on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media_holders').addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update media_holders set bytes = coalesce((select size from media_objects where media_objects.sha256 = media_holders.sha256), 0)`.execute(db);
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media_holders').dropColumn('bytes').execute();
}
