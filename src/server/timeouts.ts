/**
 * How long the server waits for anything, so one stuck process, client or transaction cannot
 * stop the others (security report M4, L7, L8). Every figure is in milliseconds and can be set
 * from the environment; the defaults fit phones on slow networks and pushes of 500 changes.
 */

/** What the database may make a request wait for. */
export interface StoreTimeouts {
  /**
   * Waiting for a row lock (PostgreSQL `lock_timeout`; SQLite `busy_timeout`). A push waits for
   * the version counter at most this long, then answers 503 with Retry-After instead of hanging
   * behind a process that stopped while holding it.
   */
  lockMs: number;
  /** One statement (PostgreSQL `statement_timeout`): no query the server runs needs longer. */
  statementMs: number;
  /**
   * A transaction left open with nothing running (PostgreSQL
   * `idle_in_transaction_session_timeout`): a process frozen mid-push loses its transaction, and
   * its locks, after this long; its device retries and nothing is applied twice.
   */
  idleInTransactionMs: number;
  /** PostgreSQL: waiting for a free pooled connection; then 503 with Retry-After. */
  poolAcquireMs: number;
  /** PostgreSQL: connections per process. */
  poolMax: number;
}

/** What a client may make the server wait for. */
export interface HttpTimeouts {
  /**
   * Receiving a whole request, headers and body (Node's `requestTimeout`): a body trickled byte
   * by byte is cut with 408. A push of 1 MiB gzips to ~100 KB, seconds even on slow 3G.
   */
  requestMs: number;
  /** A socket with no traffic at all is closed (Fastify `connectionTimeout`). */
  idleSocketMs: number;
  /**
   * The slowest honest photo upload (`PUT /api/media`, #13): its deadline is `requestMs` plus
   * its declared bytes at this rate, so a 1 MiB photo on slow 3G passes and a trickle is cut.
   */
  uploadMinBytesPerSecond: number;
}

export const DEFAULT_STORE_TIMEOUTS: StoreTimeouts = {
  lockMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 10_000,
  poolAcquireMs: 5_000,
  poolMax: 10,
};

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  requestMs: 30_000,
  idleSocketMs: 60_000,
  // 128 kbit/s: a third of slow 3G's 400 kbit/s. A full 1 MiB photo may take 30 s + 64 s.
  uploadMinBytesPerSecond: 16 * 1024,
};

function readPositiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} no válido: "${raw}" (se espera un número entero de milisegundos mayor que 0).`);
  }
  return value;
}

/** TINKUY_LOCK_TIMEOUT_MS, TINKUY_STATEMENT_TIMEOUT_MS, TINKUY_IDLE_TX_TIMEOUT_MS, TINKUY_POOL_TIMEOUT_MS, TINKUY_POOL_MAX. */
export function readStoreTimeouts(env: Record<string, string | undefined>): StoreTimeouts {
  const d = DEFAULT_STORE_TIMEOUTS;
  return {
    lockMs: readPositiveInt(env, 'TINKUY_LOCK_TIMEOUT_MS', d.lockMs),
    statementMs: readPositiveInt(env, 'TINKUY_STATEMENT_TIMEOUT_MS', d.statementMs),
    idleInTransactionMs: readPositiveInt(env, 'TINKUY_IDLE_TX_TIMEOUT_MS', d.idleInTransactionMs),
    poolAcquireMs: readPositiveInt(env, 'TINKUY_POOL_TIMEOUT_MS', d.poolAcquireMs),
    poolMax: readPositiveInt(env, 'TINKUY_POOL_MAX', d.poolMax),
  };
}

/** TINKUY_REQUEST_TIMEOUT_MS, TINKUY_IDLE_SOCKET_TIMEOUT_MS, TINKUY_UPLOAD_MIN_BYTES_PER_SECOND. */
export function readHttpTimeouts(env: Record<string, string | undefined>): HttpTimeouts {
  const d = DEFAULT_HTTP_TIMEOUTS;
  return {
    requestMs: readPositiveInt(env, 'TINKUY_REQUEST_TIMEOUT_MS', d.requestMs),
    idleSocketMs: readPositiveInt(env, 'TINKUY_IDLE_SOCKET_TIMEOUT_MS', d.idleSocketMs),
    uploadMinBytesPerSecond: readPositiveInt(env, 'TINKUY_UPLOAD_MIN_BYTES_PER_SECOND', d.uploadMinBytesPerSecond),
  };
}

/** How long a request whose body may be `bodyBytes` long may take to arrive: a photo's is longer (body-deadline.ts). */
export function bodyDeadlineMs(timeouts: HttpTimeouts, bodyBytes: number): number {
  return timeouts.requestMs + Math.ceil((bodyBytes * 1000) / timeouts.uploadMinBytesPerSecond);
}

/**
 * Fastify's server options for `timeouts`. Node's own request deadline is only the backstop for
 * the longest request the server takes (the largest photo); each request's own deadline is kept
 * by body-deadline.ts. Node checks deadlines on a timer (30 s by default), which would let a
 * short deadline run up to 30 s late: the check runs four times per `requestMs`. Headers get
 * `requestMs` (Node wants headers ≤ request).
 */
export function toFastifyTimeouts(timeouts: HttpTimeouts, largestBodyBytes: number): {
  requestTimeout: number;
  connectionTimeout: number;
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const checkEvery = Math.min(30_000, Math.max(100, Math.floor(timeouts.requestMs / 4)));
  const backstopMs = bodyDeadlineMs(timeouts, largestBodyBytes);
  return {
    requestTimeout: backstopMs,
    connectionTimeout: timeouts.idleSocketMs,
    http: { headersTimeout: timeouts.requestMs, requestTimeout: backstopMs, connectionsCheckingInterval: checkEvery },
  };
}
