import type { Kysely } from 'kysely';

/**
 * `attendance_proposals`: what a self check-in carried that differs from the person already
 * listed. It never rewrites the record (a stranger with the public code and someone's DNI could
 * otherwise change their name or email); the workshop's staff accept or dismiss it. Closing one
 * scrubs its personal data and leaves a tombstone that devices drop.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendance_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    // The workshop's owner, copied (as in `attendance`) so the pull filters by one column.
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('attendance_id', 'text', (c) => c.notNull())
    .addColumn('patch', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_proposals_version').on('attendance_proposals').column('version').execute();
  await db.schema.createIndex('attendance_proposals_attendance').on('attendance_proposals').column('attendance_id').execute();
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_proposals').execute();
}
