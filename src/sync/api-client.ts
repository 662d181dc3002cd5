import { getDatabases } from '../db/connection';
import { ERROR_MESSAGES } from '../shared/errors';
import { isOutcome, sendAuthorised } from './sync-context';
import { getTransport, readErrorBody } from './transport';

/**
 * The signed-in person's requests outside sync (the catalogue editor, logging out): JSON over
 * the app's transport with the device session's bearer token, renewed once when it ran out.
 * These calls need a connection: offline they answer a Spanish message and change nothing.
 */

/** The answer of an API call: the parsed body, or why not (a Spanish message, the HTTP status, the error body). */
export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number; message: string; body?: unknown };

/** Sends `init` to `path` with the session's token; `status` 0 means no answer (offline, or no session). */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const { user, catalogue } = getDatabases();
  const ctx = { user, catalogue, transport: getTransport() };
  const headers = { ...(init.body ? { 'content-type': 'application/json' } : {}) };
  const response = await sendAuthorised(ctx, { refreshed: false }, (token) =>
    ctx.transport(path, { ...init, headers: { ...headers, authorization: `Bearer ${token}` } }),
  );
  if (isOutcome(response)) return { ok: false, status: 0, message: 'message' in response ? response.message : ERROR_MESSAGES.network };
  if (response.ok) return { ok: true, body: response.status === 204 ? (undefined as T) : ((await response.json()) as T) };
  const body: unknown = await response.clone().json().catch(() => undefined);
  const error = await readErrorBody(response);
  return { ok: false, status: response.status, message: error?.message ?? ERROR_MESSAGES.unavailable, body };
}

/** Like `requestJson` for a binary answer (a photo): the body as a Blob. */
export async function requestBlob(path: string): Promise<ApiResult<Blob>> {
  const { user, catalogue } = getDatabases();
  const ctx = { user, catalogue, transport: getTransport() };
  const response = await sendAuthorised(ctx, { refreshed: false }, (token) => ctx.transport(path, { headers: { authorization: `Bearer ${token}` } }));
  if (isOutcome(response)) return { ok: false, status: 0, message: 'message' in response ? response.message : ERROR_MESSAGES.network };
  if (response.ok) return { ok: true, body: await response.blob() };
  const error = await readErrorBody(response);
  return { ok: false, status: response.status, message: error?.message ?? ERROR_MESSAGES.unavailable };
}
