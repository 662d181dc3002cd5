import type { CatalogueDb } from '../db/catalogue-db';
import { readSession, writeSession, type StoredSession } from '../db/meta-store';
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
  /** Whether a round pulls the catalogue now; false on a participant's door, which needs none of it (#12). */
  wantsCatalogue?: () => boolean;
}

type SessionOrOutcome = { session: StoredSession } | { outcome: SyncOutcome };

/** Per-round state: the refresh token is tried at most once a round. */
export interface RoundState {
  refreshed: boolean;
  /** That one renewal, so a request refused while it runs (two photos on the wire) can wait for it. */
  renewal?: Promise<SessionOrOutcome>;
}

/** Refresh a little before the access token runs out, so a slow request does not arrive stale. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Rotates the refresh token once per round. A refused token marks the session expired (the
 * person must log in; the outbox waits untouched); a network failure is transient.
 */
function renewSession(ctx: SyncContext, round: RoundState, session: StoredSession): Promise<SessionOrOutcome> {
  round.refreshed = true;
  round.renewal = rotateRefreshToken(ctx, session);
  return round.renewal;
}

async function rotateRefreshToken(ctx: SyncContext, session: StoredSession): Promise<SessionOrOutcome> {
  let renewed;
  try {
    renewed = await requestRefresh(ctx.transport, session.refreshToken, ctx.user.now());
  } catch (error) {
    const isNetwork = error instanceof AuthError && error.code === 'network';
    return { outcome: isNetwork ? networkOutcome() : { kind: 'transient', code: 'unavailable', message: ERROR_MESSAGES.unavailable } };
  }
  if (!renewed) {
    await writeSession(ctx.user, { ...session, expired: true });
    return { outcome: { kind: 'needs-login', message: ERROR_MESSAGES.unauthorized } };
  }
  await writeSession(ctx.user, renewed);
  return { session: renewed };
}

/**
 * Sends a request with the bearer token. A token about to expire (by the device clock that
 * stamped it, so clock skew cancels out) is renewed first, saving a refused round trip — about
 * 2 s on Slow 3G; a 401 renews once and retries. Returns the response, or an outcome when there
 * is no usable session (needs-login) or the network failed. The outbox is never touched here.
 */
export async function sendAuthorised(
  ctx: SyncContext,
  round: RoundState,
  send: (token: string) => Promise<Response>,
): Promise<Response | SyncOutcome> {
  let session = await readSession(ctx.user);
  if (!session || session.expired) return { kind: 'needs-login', message: ERROR_MESSAGES.unauthorized };
  if (!round.refreshed && Date.parse(session.expiresAt) - ctx.user.now() < EXPIRY_MARGIN_MS) {
    const renewed = await renewSession(ctx, round, session);
    if ('outcome' in renewed) return renewed.outcome;
    session = renewed.session;
  }
  const usedToken = session.accessToken;
  let response: Response;
  try {
    response = await send(usedToken);
  } catch {
    return networkOutcome();
  }
  if (response.status !== 401) return response;
  if (round.refreshed) {
    // Another request of this round renewed the token (or is renewing it) after this one left
    // with the old one: wait for that renewal and send once more with its token.
    const other = await round.renewal;
    if (!other || 'outcome' in other || other.session.accessToken === usedToken) return response;
    try {
      return await send(other.session.accessToken);
    } catch {
      return networkOutcome();
    }
  }
  const renewed = await renewSession(ctx, round, session);
  if ('outcome' in renewed) return renewed.outcome;
  try {
    return await send(renewed.session.accessToken);
  } catch {
    return networkOutcome();
  }
}

/** Whether a value is a finished outcome rather than a response. */
export function isOutcome(value: Response | SyncOutcome): value is SyncOutcome {
  return !(value instanceof Response) && typeof (value as SyncOutcome).kind === 'string';
}
