import type { Kysely } from 'kysely';

/**
 * Constancias de participación: one row per constancia, pulled by the workshop's staff. The
 * public code is unique (a code verifies one person); the person's name is read from their
 * attendance at verification, so an erasure (Ley 29733) leaves nothing here to show.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('attendance_id', 'text', (c) => c.notNull())
    // The workshop's owner, copied so the pull filters by one indexed column (as attendance).
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificates_version').on('certificates').column('version').execute();
  await db.schema.createIndex('certificates_owner_version').on('certificates').columns(['owner_id', 'version']).execute();
  await db.schema.createIndex('certificates_attendance').on('certificates').column('attendance_id').execute();
}

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
}
