import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { DEFAULT_STORE_TIMEOUTS, type StoreTimeouts } from '../timeouts';
import type { Database } from './schema';

/** The open database and how to close it. */
export interface Store {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

const PG_INT8_OID = 20;

/** bigint columns (versions, seqs, counts) come back as numbers, as they do from SQLite. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function openSqlite(file: string, timeouts: StoreTimeouts): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; FULL makes a committed push survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another writer (a second process, a CLI) holding the file: wait this long, then SQLITE_BUSY → 503.
  sqlite.pragma(`busy_timeout = ${timeouts.lockMs}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string, schema: string | undefined, timeouts: StoreTimeouts): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: timeouts.poolMax,
    // A database that does not answer, or every connection busy, fails the request (503) instead of hanging it.
    connectionTimeoutMillis: timeouts.poolAcquireMs,
    // Sent at connect, so they hold for every statement of every connection: a push waiting for
    // a process that froze holding the version lock gives up (55P03 → 503); the frozen process
    // loses its transaction and its locks (25P03); no statement runs away (57014).
    lock_timeout: timeouts.lockMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    idleTimeoutMillis: 30_000,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by a PostgreSQL restart must not crash the process; the pool
  // opens a new one for the next query.
  pool.on('error', () => undefined);
  // The same for a connection in use: PostgreSQL ending it (idle-in-transaction timeout, a
  // terminated backend) emits 'error' on the client, which would otherwise crash the process;
  // the statement that was waiting on it fails instead and the request answers 503.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database; it is empty until `migrateToLatest` runs. */
export function openStore(config: DatabaseConfig): Store {
  const timeouts = config.timeouts ?? DEFAULT_STORE_TIMEOUTS;
  return config.kind === 'sqlite' ? openSqlite(config.file, timeouts) : openPostgres(config.url, config.schema, timeouts);
}
