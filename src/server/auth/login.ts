import type { Kysely } from 'kysely';
import type { LoginRequest, SessionResponse } from '../../shared/protocol';
import { HttpError } from '../http/errors';
import type { Database } from '../store/schema';
import { clearLoginFailures, readLoginRetryAfter, recordLoginFailure } from './login-limit';
import { DUMMY_PASSWORD_HASH_PROMISE, isPasswordCorrect } from './password';
import { openDeviceSession } from './sessions';
import { findAccountByEmail } from './users';

/**
 * Checks email and password and opens a device session. Failed attempts are counted per
 * (email, address); past the limit the answer is 429 even for the right password, so guessing
 * stops. An unknown email costs the same scrypt time as a wrong password.
 */
export async function logIn(db: Kysely<Database>, request: LoginRequest, address: string, nowMs: number): Promise<SessionResponse> {
  const retryAfter = await readLoginRetryAfter(db, request.email, address, nowMs);
  if (retryAfter > 0) {
    const minutes = Math.ceil(retryAfter / 60);
    throw new HttpError(
      429,
      'rate_limited',
      `Demasiados intentos fallidos. Espere ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} y vuelva a intentar.`,
      undefined,
      { 'retry-after': String(retryAfter) },
    );
  }
  const account = await findAccountByEmail(db, request.email);
  const isCorrect = await isPasswordCorrect(request.password, account?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
  if (!account || !isCorrect) {
    await recordLoginFailure(db, request.email, address, nowMs);
    throw new HttpError(401, 'invalid_credentials');
  }
  if (account.disabled) throw new HttpError(403, 'account_disabled');
  await clearLoginFailures(db, request.email, address);
  return openDeviceSession(db, account, request.deviceName || 'Dispositivo sin nombre', address, nowMs);
}
