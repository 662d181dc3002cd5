import type { Kysely } from 'kysely';

/**
 * `refresh_tokens.replaced_by`: the hash of the token last issued in exchange for this one, so a
 * session's chain of tokens can be followed when a replay is investigated. (The refresh grace
 * itself decides on `used_at`: see src/server/auth/sessions.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refresh_tokens').addColumn('replaced_by', 'text').execute();
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refresh_tokens').dropColumn('replaced_by').execute();
}
