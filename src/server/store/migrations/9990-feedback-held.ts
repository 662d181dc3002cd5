import type { Kysely } from 'kysely';

/**
 * Anonymous feedback is held back until it can no longer be linked to a person (security report
 * M1): `feedback_held` keeps the answers that staff devices may not see yet (no version, so no
 * pull can carry them, and no time of arrival); `feedback_waiting` is one pulled row per
 * workshop with how many wait, so the facilitador sees «N opiniones en espera».
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_held')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_held_workshop').on('feedback_held').column('workshop_id').execute();
  await db.schema
    .createTable('feedback_waiting')
    // The workshop's id: one row per workshop.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('waiting', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_waiting_version').on('feedback_waiting').column('version').execute();
}

/** Drops both tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_waiting').execute();
  await db.schema.dropTable('feedback_held').execute();
}
