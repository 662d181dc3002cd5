import type { CatalogueDb } from '../db/catalogue-db';
import { readSession, writeSession } from '../db/meta-store';
import type { UserDb } from '../db/user-db';
import { AuthError, requestRefresh } from './auth-client';
import { networkOutcome, type SyncOutcome } from './retry-policy';
import type { Transport } from './transport';
import { ERROR_MESSAGES } from '../shared/errors';

/** What one sync round works with; everything with I/O is passed in. */
export interface SyncContext {
  user: UserDb;
  catalogue: CatalogueDb;
  transport: Transport;
  /** Jitter source; tests and the simulator pass a seeded one. */
  random?: () => number;
  /** Reports push progress (mutations accepted so far, of those queued when the round began). */
  onProgress?: (progress: { sent: number; total: number }) => void;
}

/** Per-round state: the refresh token is tried at most once a round. */
export interface RoundState {
  refreshed: boolean;
}

/**
 * Sends a request with the bearer token; on 401 rotates the refresh token once and retries.
 * Returns the response, or an outcome when there is no usable session (needs-login) or the
 * network failed. The outbox is never touched here.
 */
export async function sendAuthorised(
  ctx: SyncContext,
  round: RoundState,
  send: (token: string) => Promise<Response>,
): Promise<Response | SyncOutcome> {
  const session = await readSession(ctx.user);
  if (!session || session.expired) return { kind: 'needs-login', message: ERROR_MESSAGES.unauthorized };
  let response: Response;
  try {
    response = await send(session.accessToken);
  } catch {
    return networkOutcome();
  }
  if (response.status !== 401 || round.refreshed) return response;
  round.refreshed = true;
  let renewed;
  try {
    renewed = await requestRefresh(ctx.transport, session.refreshToken, ctx.user.now());
  } catch (error) {
    return error instanceof AuthError && error.code === 'network' ? networkOutcome() : { kind: 'transient', code: 'unavailable', message: ERROR_MESSAGES.unavailable };
  }
  if (!renewed) {
    // Work continues offline; the outbox waits untouched until the person logs in again.
    await writeSession(ctx.user, { ...session, expired: true });
    return { kind: 'needs-login', message: ERROR_MESSAGES.unauthorized };
  }
  await writeSession(ctx.user, renewed);
  try {
    return await send(renewed.accessToken);
  } catch {
    return networkOutcome();
  }
}

/** Whether a value is a finished outcome rather than a response. */
export function isOutcome(value: Response | SyncOutcome): value is SyncOutcome {
  return !(value instanceof Response) && typeof (value as SyncOutcome).kind === 'string';
}
