import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** At most this many failed logins per (account, address) in the window (DESIGN § Accounts). */
export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Seconds to wait before this (email, address) may try again, or 0 when it may try now. Kept in
 * the database so several server processes share one count.
 */
export async function readLoginRetryAfter(
  db: Kysely<Database>,
  email: string,
  address: string,
  nowMs: number,
): Promise<number> {
  const since = new Date(nowMs - FAILED_LOGIN_WINDOW_MS).toISOString();
  const failures = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('email', '=', email)
    .where('address', '=', address)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(MAX_FAILED_LOGINS)
    .execute();
  if (failures.length < MAX_FAILED_LOGINS) return 0;
  // The oldest of the last ten leaves the window first; then one more try is allowed.
  const oldest = Date.parse(failures[failures.length - 1]!.failed_at);
  return Math.max(1, Math.ceil((oldest + FAILED_LOGIN_WINDOW_MS - nowMs) / 1000));
}

/** Counts one failed login, and forgets failures older than the window. */
export async function recordLoginFailure(db: Kysely<Database>, email: string, address: string, nowMs: number): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ id: randomUUID(), email, address, failed_at: new Date(nowMs).toISOString() })
    .execute();
  await db
    .deleteFrom('login_failures')
    .where('failed_at', '<', new Date(nowMs - FAILED_LOGIN_WINDOW_MS).toISOString())
    .execute();
}

/** A successful login clears the count for that (email, address). */
export async function clearLoginFailures(db: Kysely<Database>, email: string, address: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).where('address', '=', address).execute();
}
