import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { readMediaLimits, type MediaLimits } from './media/media-limits';
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
   * Which hops in front of the server are trusted to say the client's address
   * (TINKUY_TRUST_PROXY): `false` takes the socket's address; a number N trusts the last N hops
   * (1: the address the one proxy appended to X-Forwarded-For, never one the client wrote); a
   * list trusts those proxy addresses (or CIDR ranges). Every per-address limit counts by it.
   */
  trustProxy: TrustProxy;
  /** How long a client may take to send a request (./timeouts.ts); its defaults when absent. */
  httpTimeouts?: HttpTimeouts;
  /** Each account's photo quota and upload rate (./media/media-limits.ts); its defaults when absent. */
  mediaLimits?: MediaLimits;
  /** Fastify's logger: on in production, off in tests. */
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** JSON lines for machines (the default), or readable lines for a person at a terminal. */
  logFormat?: LogFormat;
}

/** What Fastify's `trustProxy` accepts here: off, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/**
 * TINKUY_TRUST_PROXY: unset, `0` or `false` → off; `1` or `true` → one hop; `N` → N hops; a
 * comma list of addresses or CIDR ranges → those proxies. `true` means ONE hop, never «trust
 * everything»: trusting every hop takes the left-most X-Forwarded-For entry, which the client
 * writes itself (security report H3).
 */
export function readTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  const proxies = value.split(',').map((part) => part.trim());
  const bad = proxies.find((proxy) => !isAddressOrRange(proxy));
  if (bad !== undefined) {
    throw new Error(`TINKUY_TRUST_PROXY no válido: "${bad}" (se espera 1, un número de proxies, o direcciones IP o rangos CIDR separados por comas).`);
  }
  return proxies;
}

function isAddressOrRange(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
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
    mediaLimits: readMediaLimits(env),
    clientDir: resolve(env.TINKUY_CLIENT_DIR || defaultClientDir),
    trustProxy: readTrustProxy(env.TINKUY_TRUST_PROXY),
    logLevel: readLogLevel(env.TINKUY_LOG_LEVEL),
    logFormat: readLogFormat(env.TINKUY_LOG_FORMAT, isTerminal),
  };
  if (env.TINKUY_ADMIN_EMAIL) config.adminEmail = env.TINKUY_ADMIN_EMAIL;
  if (env.TINKUY_ADMIN_PASSWORD) config.adminPassword = env.TINKUY_ADMIN_PASSWORD;
  return config;
}
