import type { Kysely } from 'kysely';
import type { LoginRequest, SessionResponse } from '../../shared/protocol';
import { describeLoginWait, REFUSALS } from '../../shared/errors';
import { HttpError } from '../http/errors';
import type { Database } from '../store/schema';
import { clearLoginFailures, readLoginRetryAfter, recordLoginFailure } from './login-limit';
import { DUMMY_PASSWORD_HASH_PROMISE, hashPassword, isPasswordCorrect } from './password';
import { openDeviceSession } from './sessions';
import { findAccountByEmail, type Account } from './users';

/**
 * Checks email and password and opens a device session. Failed attempts are counted per
 * (email, address) with backoff and per address across accounts (login-limit.ts); while one
 * must wait the answer is 429 even for the right password, and no password is hashed. An
 * unknown email and a disabled account answer exactly like a wrong password (same status, body
 * and scrypt time, and counted the same): the answer never tells which passwords are right.
 */
export async function logIn(db: Kysely<Database>, request: LoginRequest, address: string, nowMs: number): Promise<SessionResponse> {
  const retryAfter = await readLoginRetryAfter(db, request.email, address, nowMs);
  if (retryAfter > 0) {
    throw new HttpError(429, 'rate_limited', describeLoginWait(retryAfter), undefined, { 'retry-after': String(retryAfter) });
  }
  const account = await findAccountByEmail(db, request.email);
  const isCorrect = await isPasswordCorrect(request.password, account?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
  if (!account || !isCorrect || account.disabled) {
    await recordLoginFailure(db, request.email, address, nowMs);
    throw new HttpError(401, 'invalid_credentials');
  }
  await clearLoginFailures(db, request.email, address);
  if (account.mustChangePassword) await replaceOneTimePassword(db, account, request, nowMs);
  return openDeviceSession(db, account, request.deviceName || 'Dispositivo sin nombre', address, nowMs);
}

/**
 * A one-time password (made by the coordinación) opens no session by itself: the person's own
 * password must come with it, and replaces it before the session opens. Without it the answer
 * is 403 `password_change_required`, and the app asks for one.
 */
async function replaceOneTimePassword(db: Kysely<Database>, account: Account, request: LoginRequest, nowMs: number): Promise<void> {
  if (!request.newPassword) throw new HttpError(403, 'password_change_required');
  if (request.newPassword === request.password) throw new HttpError(400, 'validation_failed', REFUSALS.newPasswordSameAsOld, [`newPassword: ${REFUSALS.newPasswordSameAsOld}`]);
  const hash = await hashPassword(request.newPassword);
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: 0, updated_at: new Date(nowMs).toISOString() })
    .where('id', '=', account.id)
    .execute();
}
