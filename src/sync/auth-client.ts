import { ERROR_MESSAGES } from '../shared/errors';
import type { SessionResponse } from '../shared/protocol';
import type { StoredSession } from '../db/meta-store';
import { readErrorBody, type Transport } from './transport';

/** A login or refresh that did not give a session; `message` is plain Spanish. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The session to keep on the device from a login or refresh answer. */
export function toStoredSession(response: SessionResponse, nowMs: number): StoredSession {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: new Date(nowMs + response.expiresIn * 1000).toISOString(),
    user: response.user,
  };
}

async function postJson(transport: Transport, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  try {
    return await transport(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new AuthError('network', ERROR_MESSAGES.network);
  }
}

async function readSessionAnswer(response: Response, nowMs: number): Promise<StoredSession> {
  if (response.ok) return toStoredSession((await response.json()) as SessionResponse, nowMs);
  const body = await readErrorBody(response);
  const fallback = response.status >= 500 ? ERROR_MESSAGES.unavailable : ERROR_MESSAGES.invalid_credentials;
  throw new AuthError(body?.code ?? String(response.status), body?.message ?? fallback);
}

/** `POST /api/auth/login`: needs a connection; throws an AuthError with the reason in Spanish. */
export async function requestLogin(
  transport: Transport,
  request: { email: string; password: string; deviceName?: string | undefined; newPassword?: string | undefined },
  nowMs: number,
): Promise<StoredSession> {
  return readSessionAnswer(await postJson(transport, '/api/auth/login', request), nowMs);
}

/**
 * `POST /api/auth/refresh`: a new token pair, or undefined when the server refused the refresh
 * token (the person must log in). Network failures throw an AuthError `network`.
 */
export async function requestRefresh(transport: Transport, refreshToken: string, nowMs: number): Promise<StoredSession | undefined> {
  const response = await postJson(transport, '/api/auth/refresh', { refreshToken });
  if (response.status === 400 || response.status === 401 || response.status === 403) return undefined;
  return readSessionAnswer(response, nowMs);
}
