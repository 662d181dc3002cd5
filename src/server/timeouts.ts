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

/** TINKUY_REQUEST_TIMEOUT_MS, TINKUY_IDLE_SOCKET_TIMEOUT_MS. */
export function readHttpTimeouts(env: Record<string, string | undefined>): HttpTimeouts {
  const d = DEFAULT_HTTP_TIMEOUTS;
  return {
    requestMs: readPositiveInt(env, 'TINKUY_REQUEST_TIMEOUT_MS', d.requestMs),
    idleSocketMs: readPositiveInt(env, 'TINKUY_IDLE_SOCKET_TIMEOUT_MS', d.idleSocketMs),
  };
}

/**
 * Fastify's server options for `timeouts`. Node checks request deadlines on a timer (30 s by
 * default), which would let a short deadline run up to 30 s late: the check runs four times per
 * deadline. Headers get the same deadline as the whole request (Node wants headers ≤ request).
 */
export function toFastifyTimeouts(timeouts: HttpTimeouts): {
  requestTimeout: number;
  connectionTimeout: number;
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const checkEvery = Math.min(30_000, Math.max(100, Math.floor(timeouts.requestMs / 4)));
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleSocketMs,
    http: { headersTimeout: timeouts.requestMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: checkEvery },
  };
}
