import { sql, type Kysely } from 'kysely';
import { BIGINT, createIndex, createTable, TEXT } from './tables';

/**
 * Limits that hold across server processes (security report H4, M7, L1):
 * - `request_counters`: how much one key (a participant's address) sent in one fixed window,
 *   shared by every process on the database, so N processes do not give N× the limit;
 * - `participant_clients.expires_at`: when the last window of a workshop the device wrote to
 *   closes; after it the device's bookkeeping and refusals are pruned (nothing else can apply);
 * - an index to count a workshop's feedback against its capacity without scanning the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(
    db,
    'request_counters',
    { key: TEXT, window_start: BIGINT, count: BIGINT },
    { name: 'request_counters_pk', columns: ['key', 'window_start'] },
  );
  await createIndex(db, 'request_counters_window', 'request_counters', 'window_start');
  await db.schema.alterTable('participant_clients').addColumn('expires_at', 'text').execute();
  // Rows kept before this migration have no window on record: they expire at once, which costs
  // nothing (a participant's check-in and feedback apply once by id anyway).
  await sql`update participant_clients set expires_at = updated_at`.execute(db);
  await db.schema.createIndex('participant_clients_expires').on('participant_clients').column('expires_at').execute();
  await db.schema.createIndex('feedback_workshop').on('feedback').column('workshop_id').execute();
}

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_workshop').execute();
  await db.schema.dropIndex('participant_clients_expires').execute();
  await db.schema.alterTable('participant_clients').dropColumn('expires_at').execute();
  await db.schema.dropTable('request_counters').execute();
}
