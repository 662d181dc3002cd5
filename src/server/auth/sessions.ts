import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SessionResponse } from '../../shared/protocol';
import { HttpError } from '../http/errors';
import type { Database } from '../store/schema';
import { ACCESS_TTL_MS, generateToken, hashToken, REFRESH_TTL_MS } from './tokens';
import { toAccount, toSessionUser, type Account } from './users';

/** One device session as the owner sees it in "Mis dispositivos". */
export interface DeviceSessionSummary {
  id: string;
  deviceName: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

/** The caller of an authenticated request. */
export interface AuthUser extends Account {
  sessionId: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes a fresh access token and a fresh refresh token for a session; returns the answer. */
async function issueTokens(trx: Transaction<Database>, sessionId: string, account: Account, nowMs: number): Promise<SessionResponse> {
  const accessToken = generateToken('at');
  const refreshToken = generateToken('rt');
  await trx
    .updateTable('device_sessions')
    .set({
      access_hash: hashToken(accessToken),
      access_expires_at: iso(nowMs + ACCESS_TTL_MS),
      refresh_expires_at: iso(nowMs + REFRESH_TTL_MS),
      last_used_at: iso(nowMs),
    })
    .where('id', '=', sessionId)
    .execute();
  await trx
    .insertInto('refresh_tokens')
    .values({ token_hash: hashToken(refreshToken), session_id: sessionId, created_at: iso(nowMs), used_at: null })
    .execute();
  return { accessToken, refreshToken, expiresIn: ACCESS_TTL_MS / 1000, user: toSessionUser(account) };
}

/** Opens a device session for an account whose password was just checked. */
export async function openDeviceSession(
  db: Kysely<Database>,
  account: Account,
  deviceName: string,
  address: string,
  nowMs: number,
): Promise<SessionResponse> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto('device_sessions')
      .values({
        id,
        user_id: account.id,
        device_name: deviceName,
        // A placeholder that can never be presented: issueTokens sets the real hash next.
        access_hash: `pending:${id}`,
        access_expires_at: iso(nowMs),
        refresh_expires_at: iso(nowMs + REFRESH_TTL_MS),
        created_at: iso(nowMs),
        last_used_at: iso(nowMs),
        last_address: address,
        revoked_at: null,
      })
      .execute();
    return issueTokens(trx, id, account, nowMs);
  });
}

const sessionEnded = () => new HttpError(401, 'unauthorized');

/** Used refresh tokens are kept this long to catch a replay; older ones would only pile up. */
const USED_TOKEN_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;

async function pruneUsedRefreshTokens(trx: Transaction<Database>, sessionId: string, nowMs: number): Promise<void> {
  await trx
    .deleteFrom('refresh_tokens')
    .where('session_id', '=', sessionId)
    .where('used_at', '<', iso(nowMs - USED_TOKEN_MEMORY_MS))
    .execute();
}

/**
 * How long the token just used may be presented again. A refresh answer lost on a bad network
 * would otherwise end the session (the device still holds the old token): within this window,
 * and while nothing issued after it was used, the old token rotates again instead. Two minutes
 * covers a retry in the same round and the next wake-ups; it stays far below the 15-minute
 * access token, so a stolen token gains little.
 */
export const REFRESH_GRACE_MS = 2 * 60 * 1000;

type RefreshTokenRow = { token_hash: string; session_id: string; used_at: string | null };

/**
 * True when `token` was used moments ago and no token of its session was used since: the answer
 * was most likely lost (or the request was delivered twice). Each grace rotation issues one more
 * unused token; the first of them to be used burns the others (see `claimToken`), so whoever
 * later presents a burned one — a thief or a stale copy — ends the session.
 */
async function isGraceReuse(trx: Transaction<Database>, token: RefreshTokenRow, nowMs: number): Promise<boolean> {
  if (token.used_at === null || nowMs - Date.parse(token.used_at) > REFRESH_GRACE_MS) return false;
  const usedSince = await trx
    .selectFrom('refresh_tokens')
    .select('token_hash')
    .where('session_id', '=', token.session_id)
    .where('token_hash', '!=', token.token_hash)
    .where('used_at', '>=', token.used_at)
    .executeTakeFirst();
  return usedSince === undefined;
}

/**
 * Marks `token` used now and burns every other unused token of its session (answers of a grace
 * rotation the device did not keep); false when the token was already used (a replay).
 */
async function claimToken(trx: Transaction<Database>, token: RefreshTokenRow, nowMs: number): Promise<boolean> {
  if (token.used_at !== null) return false;
  const claimed = await trx
    .updateTable('refresh_tokens')
    .set({ used_at: iso(nowMs) })
    .where('token_hash', '=', token.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await trx
    .updateTable('refresh_tokens')
    .set({ used_at: iso(nowMs) })
    .where('session_id', '=', token.session_id)
    .where('used_at', 'is', null)
    .execute();
  return true;
}

/**
 * Reads a refresh token's row and, on PostgreSQL, locks it for the rest of the transaction.
 * Concurrent refreshes of one token (a request delivered twice at once) then run one after the
 * other, and each one that waited reads the row as the one before it left it: judging the grace
 * on a row read before the wait (used_at still null) would revoke the session, and touching the
 * token and its session in different orders deadlocks. SQLite has a single writer anyway.
 */
async function lockToken(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', refreshToken: string): Promise<RefreshTokenRow | undefined> {
  return trx
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(refreshToken))
    .$if(engine === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
}

/**
 * Rotates a refresh token. A token already used once is a replay (stolen, or a lost answer
 * resent) and revokes the whole session — unless it is the token used just now and nothing
 * issued since was used (REFRESH_GRACE_MS): then it rotates again, so a lost answer does not
 * sign the person out. Reusing an older token, or any token once a later one was used, revokes.
 */
export async function rotateRefreshToken(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  refreshToken: string,
  address: string,
  nowMs: number,
): Promise<SessionResponse> {
  const outcome = await db.transaction().execute(async (trx) => {
    const token = await lockToken(trx, engine, refreshToken);
    if (!token) return 'unknown' as const;
    const session = await trx.selectFrom('device_sessions').selectAll().where('id', '=', token.session_id).executeTakeFirst();
    if (!session || session.revoked_at !== null) return 'ended' as const;
    if (!(await claimToken(trx, token, nowMs)) && !(await isGraceReuse(trx, token, nowMs))) {
      await trx.updateTable('device_sessions').set({ revoked_at: iso(nowMs) }).where('id', '=', session.id).execute();
      return 'replayed' as const;
    }
    if (session.refresh_expires_at <= iso(nowMs)) return 'ended' as const;
    const user = await trx.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
    if (!user || user.disabled === 1) return 'ended' as const;
    await trx.updateTable('device_sessions').set({ last_address: address }).where('id', '=', session.id).execute();
    await pruneUsedRefreshTokens(trx, session.id, nowMs);
    const answer = await issueTokens(trx, session.id, toAccount(user), nowMs);
    await trx.updateTable('refresh_tokens').set({ replaced_by: hashToken(answer.refreshToken) }).where('token_hash', '=', token.token_hash).execute();
    return answer;
  });
  if (typeof outcome === 'string') throw sessionEnded();
  return outcome;
}

/** The account and session behind an access token, or undefined when it is unknown, expired or revoked. */
export async function authenticateAccessToken(db: Kysely<Database>, accessToken: string, nowMs: number): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('device_sessions')
    .innerJoin('users', 'users.id', 'device_sessions.user_id')
    .selectAll('users')
    .select(['device_sessions.id as session_id', 'device_sessions.access_expires_at', 'device_sessions.revoked_at'])
    .where('device_sessions.access_hash', '=', hashToken(accessToken))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.access_expires_at <= iso(nowMs) || row.disabled === 1) return undefined;
  return { ...toAccount(row), sessionId: row.session_id };
}

/** Ends one session of `userId`; false when it is not theirs or does not exist. */
export async function revokeDeviceSession(db: Kysely<Database>, userId: string, sessionId: string, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable('device_sessions')
    .set({ revoked_at: iso(nowMs) })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The live sessions of a user, most recently used first. */
export async function listDeviceSessions(db: Kysely<Database>, user: AuthUser, nowMs: number): Promise<DeviceSessionSummary[]> {
  const rows = await db
    .selectFrom('device_sessions')
    .select(['id', 'device_name', 'created_at', 'last_used_at'])
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .where('refresh_expires_at', '>', iso(nowMs))
    .orderBy('last_used_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    deviceName: r.device_name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    current: r.id === user.sessionId,
  }));
}
