/**
 * Failed logins, kept in the database so every server process shares one count (DESIGN §
 * Accounts; security report H3, L6):
 * - per (account, address), with backoff: a few free tries, then each failure doubles the wait
 *   (1 s, 2 s, 4 s … up to 15 min). One person mistyping behind a shared address waits
 *   seconds, and only from that address: nobody else's logins to that account are stopped;
 * - per address across accounts: password spraying (one guess at many accounts) stops after
 *   MAX_FAILED_LOGINS_PER_ADDRESS failures in the window, before any password is hashed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures per (account, address) in the window before the first wait. */
export const FREE_FAILED_LOGINS = 5;
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = FAILED_LOGIN_WINDOW_MS;
/** Failures from one address, whatever the account, before the address must wait. */
export const MAX_FAILED_LOGINS_PER_ADDRESS = 30;
// Past this many the wait is already the longest; no need to read more rows.
const ROWS_FOR_BACKOFF = 16;

const iso = (ms: number) => new Date(ms).toISOString();

/** How long after the latest failure the next try waits, given `failures` in the window. */
export function computeBackoffMs(failures: number): number {
  if (failures < FREE_FAILED_LOGINS) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILED_LOGINS));
}

/** Seconds to wait before this (email, address) may try again, or 0 when it may try now. */
export async function readLoginRetryAfter(db: Kysely<Database>, email: string, address: string, nowMs: number): Promise<number> {
  const since = iso(nowMs - FAILED_LOGIN_WINDOW_MS);
  const recent = db.selectFrom('login_failures').select('failed_at').where('address', '=', address).where('failed_at', '>', since).orderBy('failed_at', 'desc');
  const own = await recent.where('email', '=', email).limit(ROWS_FOR_BACKOFF).execute();
  const personWaitMs = own.length === 0 ? 0 : Date.parse(own[0]!.failed_at) + computeBackoffMs(own.length) - nowMs;
  const fromAddress = await recent.limit(MAX_FAILED_LOGINS_PER_ADDRESS).execute();
  // The oldest of the last MAX leaves the window first; then one more try is allowed.
  const addressWaitMs = fromAddress.length < MAX_FAILED_LOGINS_PER_ADDRESS ? 0
    : Date.parse(fromAddress[fromAddress.length - 1]!.failed_at) + FAILED_LOGIN_WINDOW_MS - nowMs;
  const waitMs = Math.max(personWaitMs, addressWaitMs);
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** Counts one failed login, and forgets failures older than the window. */
export async function recordLoginFailure(db: Kysely<Database>, email: string, address: string, nowMs: number): Promise<void> {
  await db.insertInto('login_failures').values({ id: randomUUID(), email, address, failed_at: iso(nowMs) }).execute();
  await db.deleteFrom('login_failures').where('failed_at', '<', iso(nowMs - FAILED_LOGIN_WINDOW_MS)).execute();
}

/** A successful login clears the count for that (email, address). */
export async function clearLoginFailures(db: Kysely<Database>, email: string, address: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).where('address', '=', address).execute();
}
