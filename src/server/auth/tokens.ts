import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens are opaque random strings; the server keeps only their SHA-256. We chose this over a
 * signed (HMAC) access token because every sync call looks the session up anyway (a revoked
 * device must stop at once, not in 15 minutes), there is no signing secret to keep, rotate or
 * leak, and several server processes on one PostgreSQL agree without sharing anything.
 * 32 random bytes need no slow hash: there is nothing to guess.
 */

/** Access tokens live 15 minutes; the device refreshes them when it is online. */
export const ACCESS_TTL_MS = 15 * 60 * 1000;
/** A session not refreshed for 90 days ends; the device asks for a login, the outbox waits. */
export const REFRESH_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** A new random token with a readable prefix (`at_` access, `rt_` refresh). */
export function generateToken(prefix: 'at' | 'rt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token in an `Authorization: Bearer …` header, or undefined. */
export function readBearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
