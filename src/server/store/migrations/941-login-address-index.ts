import type { Kysely } from 'kysely';

/**
 * Failed logins are also counted per address across accounts (password spraying, security
 * report L6): an index to count one address's recent failures without scanning the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('login_failures_address').on('login_failures').columns(['address', 'failed_at']).execute();
}

/** Drops the index. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_failures_address').execute();
}
