import type { Kysely } from 'kysely';

/**
 * `users.must_change_password`: 1 while the account's password is a one-time password made by
 * the coordinación (a new account, a reset). Such a password opens no session by itself: the
 * login must bring the person's own new password with it (src/server/auth/login.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
