import type { Kysely } from 'kysely';
import { BIGINT, createIndex, createPulledTable, createTable, dropTables, FLAG, INTEGER, KEY, NULLABLE_TEXT, TEXT } from './tables';

/**
 * RED workshops (catalogue, public), their attendance (personal data, Ley 29733), anonymous
 * feedback, the participants' push bookkeeping and the two personal-data logs (exports,
 * erasures). Only types both engines share: text, integer, bigint.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createWorkshopTables(db);
  await createAttendanceTables(db);
  await createFeedbackTables(db);
}

async function createWorkshopTables(db: Kysely<any>): Promise<void> {
  await createPulledTable(db, 'workshops', { code: { ...TEXT, unique: true }, owner_id: TEXT, data: TEXT, field_hlc: TEXT });

  // A participant's device has no account: its lastSeq lives here, apart from sync_clients
  // (whose user_id must name an account). Nothing else about the device is kept.
  await createTable(db, 'participant_clients', { client_id: KEY, last_seq: BIGINT, created_at: TEXT, updated_at: TEXT });
}

async function createAttendanceTables(db: Kysely<any>): Promise<void> {
  await createPulledTable(
    db,
    'attendance',
    {
      workshop_id: TEXT,
      // The workshop's owner, copied so the pull filters by one indexed column.
      owner_id: TEXT,
      person: TEXT, consent: TEXT, field_hlc: TEXT,
      doc_key: NULLABLE_TEXT, name_key: NULLABLE_TEXT, recorded_by: NULLABLE_TEXT,
      recorded_at: TEXT, merged_ids: TEXT, merged_into: NULLABLE_TEXT,
    },
    { byOwner: true },
  );
  await createIndex(db, 'attendance_workshop_doc', 'attendance', ['workshop_id', 'doc_key']);
  await createIndex(db, 'attendance_workshop_name', 'attendance', ['workshop_id', 'name_key']);
  await createIndex(db, 'attendance_doc', 'attendance', 'doc_key');
  await createIndex(db, 'attendance_name', 'attendance', 'name_key');

  await createTable(db, 'attendance_exports', {
    id: KEY, workshop_id: TEXT, exported_by: TEXT, rows: INTEGER, format: TEXT, exported_at: TEXT, logged_at: TEXT,
  });
  await createIndex(db, 'attendance_exports_workshop', 'attendance_exports', ['workshop_id', 'exported_at']);

  // Who erased, when and how many; never whose data (that would keep what was erased).
  await createTable(db, 'attendance_erasures', { id: KEY, erased_by: TEXT, erased_at: TEXT, matched_by: TEXT, count: INTEGER });
}

async function createFeedbackTables(db: Kysely<any>): Promise<void> {
  // Anonymous by design: no user, device, attendance link or time of arrival is stored
  // (hence no `updated_at`, unlike every other pulled table).
  await createTable(db, 'feedback', { id: KEY, workshop_id: TEXT, owner_id: TEXT, answers: TEXT, deleted: FLAG, version: BIGINT });
  await createIndex(db, 'feedback_version', 'feedback', 'version');
  await createIndex(db, 'feedback_owner_version', 'feedback', ['owner_id', 'version']);
}

/** Drops everything `up` made, newest first. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, ['feedback', 'attendance_erasures', 'attendance_exports', 'attendance', 'participant_clients', 'workshops']);
}
