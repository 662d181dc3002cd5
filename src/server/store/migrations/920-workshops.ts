import type { Kysely } from 'kysely';

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
  await db.schema
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('field_hlc', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshops_version').on('workshops').column('version').execute();

  // A participant's device has no account: its lastSeq lives here, apart from sync_clients
  // (whose user_id must name an account). Nothing else about the device is kept.
  await db.schema
    .createTable('participant_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createAttendanceTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    // The workshop's owner, copied so the pull filters by one indexed column.
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('field_hlc', 'text', (c) => c.notNull())
    .addColumn('doc_key', 'text')
    .addColumn('name_key', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('merged_ids', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_version').on('attendance').column('version').execute();
  await db.schema.createIndex('attendance_owner_version').on('attendance').columns(['owner_id', 'version']).execute();
  await db.schema.createIndex('attendance_workshop_doc').on('attendance').columns(['workshop_id', 'doc_key']).execute();
  await db.schema.createIndex('attendance_workshop_name').on('attendance').columns(['workshop_id', 'name_key']).execute();
  await db.schema.createIndex('attendance_doc').on('attendance').column('doc_key').execute();
  await db.schema.createIndex('attendance_name').on('attendance').column('name_key').execute();

  await db.schema
    .createTable('attendance_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('exported_by', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_exports_workshop').on('attendance_exports').columns(['workshop_id', 'exported_at']).execute();

  // Who erased, when and how many; never whose data (that would keep what was erased).
  await db.schema
    .createTable('attendance_erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('erased_by', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('matched_by', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}

async function createFeedbackTables(db: Kysely<any>): Promise<void> {
  // Anonymous by design: no user, device, attendance link or time of arrival is stored.
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_version').on('feedback').column('version').execute();
  await db.schema.createIndex('feedback_owner_version').on('feedback').columns(['owner_id', 'version']).execute();
}

/** Drops everything `up` made, newest first. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['feedback', 'attendance_erasures', 'attendance_exports', 'attendance', 'participant_clients', 'workshops']) {
    await db.schema.dropTable(table).execute();
  }
}
