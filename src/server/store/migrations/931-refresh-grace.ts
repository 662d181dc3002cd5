import type { Kysely } from 'kysely';

/**
 * `refresh_tokens.replaced_by`: the hash of the token issued when this one was used. It lets the
 * server tell "the answer to my refresh was lost, here is the previous token again" (its
 * successor was never used: rotate again) from a replay of an older token (revoke).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refresh_tokens').addColumn('replaced_by', 'text').execute();
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refresh_tokens').dropColumn('replaced_by').execute();
}
