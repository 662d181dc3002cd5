import { resolve } from 'node:path';
import { readHttpTimeouts, readStoreTimeouts, type HttpTimeouts, type StoreTimeouts } from './timeouts';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig = (
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; /** Tests run each suite in its own schema. */ schema?: string }
) & { /** Lock, statement and pool waits (./timeouts.ts); its defaults when absent. */ timeouts?: StoreTimeouts };

/** Everything the server reads from its environment, already checked and defaulted. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** The built PWA; when the folder is missing the API still runs. */
  clientDir: string;
  adminEmail?: string;
  adminPassword?: string;
  /**
   * Behind a reverse proxy (HOST 0.0.0.0), take the client address from X-Forwarded-For so the
   * failed-login limit counts per real address, not per proxy. TINKUY_TRUST_PROXY=1.
   */
  trustProxy: boolean;
  /** How long a client may take to send a request (./timeouts.ts); its defaults when absent. */
  httpTimeouts?: HttpTimeouts;
  /** Fastify's logger: on in production, off in tests. */
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** JSON lines for machines (the default), or readable lines for a person at a terminal. */
  logFormat?: LogFormat;
}

/** How log lines are written: pino's JSON, or readable text (src/server/log/pretty-log.ts). */
export type LogFormat = 'json' | 'pretty';


function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT no válido: "${raw}" (se espera un número entre 0 y 65535).`);
  }
  return port;
}

function readLogLevel(raw: string | undefined): ServerConfig['logLevel'] {
  const levels = ['silent', 'error', 'warn', 'info', 'debug'] as const;
  return levels.find((level) => level === raw) ?? 'info';
}

// TINKUY_LOG_FORMAT wins; otherwise readable on a terminal, JSON when piped to a file or a collector.
function readLogFormat(raw: string | undefined, isTerminal: boolean): LogFormat {
  if (raw === 'json' || raw === 'pretty') return raw;
  return isTerminal ? 'pretty' : 'json';
}

/**
 * Reads the configuration from `env` (process.env by default); every variable is optional.
 * `defaultClientDir` is where the built PWA sits unless TINKUY_CLIENT_DIR says otherwise; the
 * entry point passes it because only the entry file knows where the bundle landed, and says
 * whether the log goes to a terminal (`isTerminal`).
 */
export function readConfig(
  env: Record<string, string | undefined> = process.env, defaultClientDir = resolve('dist/client'), isTerminal = false,
): ServerConfig {
  const dataDir = resolve(env.TINKUY_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL;
  const timeouts = readStoreTimeouts(env);
  const config: ServerConfig = {
    port: readPort(env.PORT),
    host: env.HOST || '127.0.0.1',
    dataDir,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, timeouts }
      : { kind: 'sqlite', file: resolve(dataDir, 'tinkuy.db'), timeouts },
    httpTimeouts: readHttpTimeouts(env),
    clientDir: resolve(env.TINKUY_CLIENT_DIR || defaultClientDir),
    trustProxy: env.TINKUY_TRUST_PROXY === '1' || env.TINKUY_TRUST_PROXY === 'true',
    logLevel: readLogLevel(env.TINKUY_LOG_LEVEL),
    logFormat: readLogFormat(env.TINKUY_LOG_FORMAT, isTerminal),
  };
  if (env.TINKUY_ADMIN_EMAIL) config.adminEmail = env.TINKUY_ADMIN_EMAIL;
  if (env.TINKUY_ADMIN_PASSWORD) config.adminPassword = env.TINKUY_ADMIN_PASSWORD;
  return config;
}
