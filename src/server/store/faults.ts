/**
 * What a database error means for the request that met it. Three kinds:
 * - a race another transaction won (retry the transaction: `isRetryableError`);
 * - the store cannot serve now — a lock or statement timeout, an exhausted pool, a lost
 *   connection, a busy SQLite file (`isStoreUnavailable`): the request answers 503 with
 *   Retry-After and the device tries again later, its data kept;
 * - anything else met while applying one mutation is that mutation's fault (a value the engine
 *   refuses, a broken invariant): the mutation is refused and the batch goes on.
 */

/** PostgreSQL codes that mean "another transaction won the race; try again". */
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '23505']);

/**
 * PostgreSQL codes of a server that cannot serve now: 55P03 lock_timeout, 57014 statement
 * timeout (query_canceled), 25P03 idle-in-transaction timeout, 57P0x shutdown/crash/starting,
 * class 53 (out of connections, memory, disk) and class 08 (connection lost).
 */
const UNAVAILABLE_PG_CODES = new Set(['55P03', '57014', '25P03', '57P01', '57P02', '57P03']);
const UNAVAILABLE_PG_CLASSES = ['53', '08'];

/** Node and pg errors that carry no SQLSTATE but mean the database is out of reach. */
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: every connection busy for connectionTimeoutMillis
  'Connection terminated',
  'Client has encountered a connection error',
];

/** SQLite result codes of a file another writer holds or the disk refuses (not the data's fault). */
const UNAVAILABLE_SQLITE_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_NOMEM'];

function readCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` is a PostgreSQL serialization failure, deadlock or unique race. */
export function isRetryableError(error: unknown): boolean {
  const code = readCode(error);
  return code !== undefined && RETRYABLE_PG_CODES.has(code);
}

/** Whether `error` says the database cannot serve now (answer 503 and let the device retry). */
export function isStoreUnavailable(error: unknown): boolean {
  const code = readCode(error);
  if (code !== undefined) {
    if (UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_PG_CLASSES.some((c) => code.length === 5 && code.startsWith(c))) return true;
    if (UNAVAILABLE_NODE_CODES.has(code)) return true;
    if (UNAVAILABLE_SQLITE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m));
}

/**
 * Whether `error` is a value the database refuses to store (PostgreSQL class 22, data
 * exception: a NUL in text, a number out of range…). Outside a push it is the request's fault: 400.
 */
export function isUnstorableValue(error: unknown): boolean {
  const code = readCode(error);
  return code !== undefined && code.length === 5 && code.startsWith('22');
}

/** Seconds a device should wait before trying again after the store was unavailable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;
