import type { Kysely } from 'kysely';
import { createIndex, createPulledTable, NULLABLE_TEXT, TEXT } from './tables';

/**
 * `attendance_proposals`: what a self check-in carried that differs from the person already
 * listed. It never rewrites the record (a stranger with the public code and someone's DNI could
 * otherwise change their name or email); the workshop's staff accept or dismiss it. Closing one
 * scrubs its personal data and leaves a tombstone that devices drop.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPulledTable(db, 'attendance_proposals', {
    workshop_id: TEXT,
    // The workshop's owner, copied (as in `attendance`) so the pull filters by one column.
    owner_id: TEXT,
    attendance_id: TEXT, patch: TEXT, proposed_at: TEXT, closed_by: NULLABLE_TEXT, outcome: NULLABLE_TEXT,
  });
  await createIndex(db, 'attendance_proposals_attendance', 'attendance_proposals', 'attendance_id');
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_proposals').execute();
}
