/**
 * Starts the REAL built server (`node dist/server/main.js`) for end-to-end tests and benches:
 * a free port, a fresh data directory, its logs kept for failure messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flushJournal, journalRequests, type ServerRequest } from './e2e-server-journal';

export type { ServerRequest };

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
/**
 * The build under test: `dist` (what `npm run build` writes), or TINKUY_E2E_DIST — e.g. a
 * private build under dist/ while others rebuild dist/client at the same time.
 */
export const DIST_DIR = resolve(ROOT, process.env.TINKUY_E2E_DIST ?? 'dist');
/** The built server entry. */
export const SERVER_ENTRY = join(DIST_DIR, 'server', 'main.js');
/** The built client that the server serves by default. */
export const CLIENT_DIR = join(DIST_DIR, 'client');

/** The first coordinador the e2e server creates on its first start. */
export const E2E_ADMIN = { email: 'coordinacion@tinkuy.test', password: 'clave-de-prueba-e2e-2026' } as const;

/** What `startServer` accepts; every field is optional. */
export interface StartServerOptions {
  /** Extra environment, e.g. DATABASE_URL or TINKUY_CLIENT_DIR. */
  env?: Record<string, string>;
  /** Reuse a port (the same origin keeps its service worker and IndexedDB). */
  port?: number;
  /** Reuse a data directory (a restart); otherwise a fresh temp directory is made. */
  dataDir?: string;
  /** Remove the data directory on stop (default: only when this call made it). */
  ownsDataDir?: boolean;
  /** How long to wait for /api/health, in ms. */
  timeoutMs?: number;
  /** Keep a journal of every request the server received (its own request log, level info). */
  recordRequests?: boolean;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM, then SIGKILL after 5 s; removes the data directory unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Sends `signal` (a crash: SIGKILL) and waits for the exit; the data directory stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops and starts again on the same port and data directory, with `env` merged in. */
  restart(env?: Record<string, string>): Promise<RunningServer>;
  /** Every request received so far, across restarts (empty unless `recordRequests`). */
  requests(): readonly ServerRequest[];
  /**
   * Sends a marker request straight to the server and waits for its log line: every request the
   * server received before is then in `requests()`. Resolves to the time the marker was answered.
   */
  flushRequests(): Promise<number>;
}

/** A port nobody listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** True once `dist/server/main.js` exists (`npm run build` ran). */
export function hasServerBuild(): boolean {
  return existsSync(SERVER_ENTRY) && existsSync(join(CLIENT_DIR, 'index.html'));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`El servidor terminó antes de estar listo (código ${child.exitCode ?? child.signalCode}).\n--- registro ---\n${logs()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`/api/health no respondió en ${timeoutMs} ms (${lastError}).\n--- registro ---\n${logs()}`);
}

/** Starts `node dist/server/main.js` and resolves once `GET /api/health` answers 200. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  return launch(options, []);
}

async function launch(options: StartServerOptions, journal: ServerRequest[]): Promise<RunningServer> {
  if (!hasServerBuild()) throw new Error(`Falta la compilación (${SERVER_ENTRY} y ${CLIENT_DIR}); ejecute \`npm run build\` primero.`);
  const port = options.port ?? (await findFreePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tinkuy-e2e-data-'));
  const ownsDataDir = options.ownsDataDir ?? options.dataDir === undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    TINKUY_DATA_DIR: dataDir,
    TINKUY_CLIENT_DIR: CLIENT_DIR,
    TINKUY_LOG_LEVEL: options.recordRequests ? 'info' : 'warn',
    // The request journal reads JSON lines, whatever the caller's shell asked for.
    TINKUY_LOG_FORMAT: 'json',
    TINKUY_ADMIN_EMAIL: E2E_ADMIN.email,
    TINKUY_ADMIN_PASSWORD: E2E_ADMIN.password,
    ...options.env,
  };
  // The server must not pick up a PostgreSQL URL from the caller's shell unless asked to.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const record = journalRequests(journal);
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    output += chunk;
    if (options.recordRequests) record(chunk);
  });
  child.stderr?.on('data', (chunk: string) => (output += chunk));
  const logs = () => output;
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, logs, options.timeoutMs ?? 60_000);

  const server: RunningServer = {
    url,
    port,
    dataDir,
    logs,
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
      if (!keepData && ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await waitForExit(child, 10_000);
    },
    async restart(extraEnv = {}) {
      await server.stop({ keepData: true });
      return launch({ ...options, port, dataDir, ownsDataDir, env: { ...options.env, ...extraEnv } }, journal);
    },
    requests: () => journal,
    async flushRequests() {
      if (!options.recordRequests) throw new Error('Este servidor no registra sus peticiones: inícielo con recordRequests.');
      return flushJournal(url, journal);
    },
  };
  return server;
}
