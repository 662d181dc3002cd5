import { computed, signal, type ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import { getDatabases } from '../db/connection';
import { isEverythingExported } from '../db/changes-file';
import { readSession, writeSession } from '../db/meta-store';
import { forgetUserData } from '../db/sign-out';
import { requestJson } from '../sync/api-client';
import { AuthError, requestLogin } from '../sync/auth-client';
import { getTransport } from '../sync/transport';
import { LoginRequest, type SessionUser } from '../shared/protocol';
import { syncNow, syncStatus } from './sync-model';
import { t } from '../shared/i18n/session';

/**
 * Who is signed in on this device. The session lives in the user database, so the app keeps
 * working offline whatever the tokens' age; when the server refuses them on reconnect, sync
 * reports 'needs-login', the outbox waits untouched, and this model asks for a login.
 */

// Read from the device the first time anything shows who is signed in.
const user = signal<SessionUser | null>(null, {
  watched() {
    void loadSession().catch(() => undefined);
  },
});
const expired = signal(false);

/** The person signed in, or null. */
export const currentUser: ReadonlySignal<SessionUser | null> = user;
/** True when the server no longer accepts this device's session: a login is needed to send. */
export const needsLogin: ReadonlySignal<boolean> = computed(() => expired.value || syncStatus.value.phase === 'needs-login');

/** A login that failed, with the Spanish reason; `field` says which input to fix, if one. */
export class LoginError extends Error {
  constructor(
    message: string,
    /** `newPassword`: the password was a one-time password; the person must choose their own. */
    readonly field?: 'email' | 'password' | 'newPassword',
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

/** Reads the stored session into the signals (at start, and after another tab changed it). */
export async function loadSession(): Promise<void> {
  const session = await readSession(getDatabases().user);
  user.value = session?.user ?? null;
  expired.value = session?.expired === true;
}

/**
 * Signs in (needs a connection), keeps the session on the device, then sends what was waiting.
 * `newPassword` replaces a one-time password (asked for after a `newPassword` LoginError).
 */
export async function login(email: string, password: string, newPassword?: string): Promise<SessionUser> {
  const parsed = v.safeParse(LoginRequest, { email, password, deviceName: describeDevice(), ...(newPassword === undefined ? {} : { newPassword }) });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key = issue?.path?.[0]?.key;
    const field = key === 'password' || key === 'newPassword' ? key : 'email';
    throw new LoginError(issue?.message ?? t('session.error.check'), field);
  }
  let session;
  try {
    session = await requestLogin(getTransport(), parsed.output, Date.now());
  } catch (error) {
    // A one-time password from the coordinación: the form asks for the person's own and sends both.
    if (error instanceof AuthError && error.code === 'password_change_required') throw new LoginError(error.message, 'newPassword');
    throw new LoginError(error instanceof AuthError ? error.message : String(error));
  }
  await writeSession(getDatabases().user, session);
  user.value = session.user;
  expired.value = false;
  void syncNow();
  return session.user;
}

/** Why a logout was refused, in Spanish, or null when it went ahead. */
export type LogoutRefusal = string | null;

/**
 * Signs out and forgets this device's data — refused while changes are unsent, unless they were
 * exported to a file first (nothing waiting is ever lost). Offline, the server is never told;
 * the token simply ages out.
 */
export async function logout(): Promise<LogoutRefusal> {
  const db = getDatabases().user;
  const unsent = await db.outbox.count();
  const rejected = await db.rejected.count();
  if ((unsent > 0 || rejected > 0) && !(await isEverythingExported(db))) {
    return t('session.logout.refused');
  }
  // Tells the server to revoke this device's session; offline (or already expired) it is skipped.
  await requestJson('/api/auth/logout', { method: 'POST', body: '{}' });
  // Checked again inside the clearing transaction: a change written meanwhile refuses it.
  if (!(await forgetUserData(db, getDatabases().catalogue))) return t('session.logout.refused');
  user.value = null;
  expired.value = false;
  return null;
}

function describeDevice(): string {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const match = /\(([^;)]+)/.exec(agent);
  return (match?.[1] ?? 'Navegador').slice(0, 120);
}
