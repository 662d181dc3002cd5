import type { PullScope } from '../shared/protocol';
import { ERROR_MESSAGES } from '../shared/errors';
import { readErrorBody } from './transport';

/** How a sync round ended. `transient` waits and retries by itself; the others need a person or an update. */
export type SyncOutcome =
  | { kind: 'done'; news?: readonly PullScope[] }
  | { kind: 'transient'; code: 'network' | 'internal' | 'unavailable' | 'rate_limited'; message: string; retryAfterMs?: number }
  | { kind: 'needs-login'; message: string }
  | { kind: 'upgrade'; message: string }
  | { kind: 'failed'; message: string };

/** The first retry waits up to this long; each later one doubles it. */
export const BASE_BACKOFF_MS = 2_000;
/** No backoff waits longer than 5 minutes (a Retry-After from the server may ask for more). */
export const MAX_BACKOFF_MS = 5 * 60_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^attempt)). */
export function computeBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before the next try: the server's Retry-After when it gave one, never less than the jitter. */
export function computeRetryDelayMs(attempt: number, retryAfterMs: number | undefined, random?: () => number): number {
  return Math.max(retryAfterMs ?? 0, computeBackoffMs(attempt, random));
}

/** Reads `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}

/** The outcome of a fetch that threw: the network is down or the answer was lost. */
export function networkOutcome(): SyncOutcome {
  return { kind: 'transient', code: 'network', message: ERROR_MESSAGES.network };
}

/** What a non-2xx answer means for the queue (401 is handled before, by the refresh). */
export async function classifyFailure(response: Response, nowMs: number): Promise<SyncOutcome> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  const withRetry = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (response.status === 401) return { kind: 'needs-login', message: ERROR_MESSAGES.unauthorized };
  if (response.status === 426) return { kind: 'upgrade', message: ERROR_MESSAGES.upgrade_required };
  if (response.status === 429) return { kind: 'transient', code: 'rate_limited', message: ERROR_MESSAGES.rate_limited, ...withRetry };
  if (response.status === 503) return { kind: 'transient', code: 'unavailable', message: ERROR_MESSAGES.unavailable, ...withRetry };
  if (response.status >= 500) return { kind: 'transient', code: 'internal', message: ERROR_MESSAGES.internal, ...withRetry };
  const body = await readErrorBody(response);
  return { kind: 'failed', message: body?.message ?? ERROR_MESSAGES.bad_request };
}
