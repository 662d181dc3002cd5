import type { Kysely } from 'kysely';

/**
 * Co-facilitadores named by account (issue 9): `workshops.cofacilitator_ids` keeps the team as
 * the owner's devices pull it (JSON array of account ids), and `workshop_team` the same pairs
 * as rows, so a pull or a permission check finds a co-facilitador's workshops with an index.
 * Both are written by one function (workshops/workshop-team.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshops').addColumn('cofacilitator_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema
    .createTable('workshop_team')
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_team_pk', ['workshop_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workshop_team_user').on('workshop_team').column('user_id').execute();
}

/** Drops the table and the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workshop_team').execute();
  await db.schema.alterTable('workshops').dropColumn('cofacilitator_ids').execute();
}
