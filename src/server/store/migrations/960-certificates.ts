import type { Kysely } from 'kysely';
import { createIndex, createPulledTable, NULLABLE_TEXT, TEXT } from './tables';

/**
 * Constancias de participación: one row per constancia, pulled by the workshop's staff. The
 * public code is unique (a code verifies one person); the person's name is read from their
 * attendance at verification, so an erasure (Ley 29733) leaves nothing here to show.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPulledTable(
    db,
    'certificates',
    {
      code: { ...TEXT, unique: true }, workshop_id: TEXT, attendance_id: TEXT,
      // The workshop's owner, copied so the pull filters by one indexed column (as attendance).
      owner_id: TEXT,
      issued_by: TEXT, issued_at: TEXT, revoked_at: NULLABLE_TEXT,
    },
    { byOwner: true },
  );
  await createIndex(db, 'certificates_attendance', 'certificates', 'attendance_id');
}

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
}
