/**
 * Builds the real server in-process for `inject` tests: a fresh SQLite file in a temp dir, or a
 * fresh PostgreSQL schema (dropped afterwards) when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createAccount } from '../../src/server/auth/users';
import type { DatabaseConfig, ServerConfig, TrustProxy } from '../../src/server/config';
import { openStore, type Store } from '../../src/server/store/database';
import type { Role } from '../../src/shared/schemas/common';
import type { SessionResponse } from '../../src/shared/protocol';
import type { MediaLimits } from '../../src/server/media/media-limits';
import { DEFAULT_STORE_TIMEOUTS, type HttpTimeouts, type StoreTimeouts } from '../../src/server/timeouts';

export type EngineName = 'sqlite' | 'postgres';

/** The engines every contract test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: EngineName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

/** Starts at a fixed instant; `advance` moves it. */
export function createTestClock(startMs = Date.parse('2026-11-29T15:00:00.000Z')): TestClock {
  let current = startMs;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

/** A server under test with its own database. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  engine: EngineName;
  /** Where its data lives (the PostgreSQL schema or the SQLite file), for a second connection. */
  database: DatabaseConfig;
  /** Stops the app and starts a new one on the same database (a server restart). */
  restart(): Promise<TestServer>;
  /** A second app on the same database, with its own connections: another server process. Close it yourself. */
  startTwin(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  clientDir?: string;
  /** The first coordinador; `null` leaves both unset, so the server generates a password. */
  admin?: { email: string; password: string } | null;
  now?: () => number;
  /** Turns the logger on (level info) and sends its JSON lines here. */
  logStream?: NodeJS.WritableStream;
  /** PostgreSQL server for engine 'postgres' (default TEST_DATABASE_URL). */
  pgUrl?: string;
  /** Lock, statement and pool waits; the server's defaults when absent. */
  timeouts?: Partial<StoreTimeouts>;
  /** How long a client may take to send a request; the server's defaults when absent. */
  httpTimeouts?: HttpTimeouts;
  mediaLimits?: MediaLimits;
  /** Which proxies to believe about the client's address (TINKUY_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
}

async function createPgSchema(url: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return schema;
}

async function dropPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

/**
 * Kysely's migrator asks PostgreSQL for every table of every schema (pg_get_serial_sequence on
 * each); when a test in another worker drops its own schema in that instant, the query fails with
 * «schema "t_…" does not exist» for a schema that is not ours. Nothing was written yet, so it is
 * safe to try again; any other failure is thrown as it came.
 */
async function openAndBuild(
  database: DatabaseConfig,
  build: (store: Store) => Promise<FastifyInstance>,
): Promise<{ store: Store; app: FastifyInstance }> {
  for (let attempt = 1; ; attempt++) {
    const store = openStore(database);
    try {
      return { store, app: await build(store) };
    } catch (error) {
      await store.close().catch(() => undefined);
      const lostSchema = /schema "(\w+)" does not exist/.exec(String(error))?.[1];
      const isOtherSchema = database.kind === 'postgres' && lostSchema !== undefined && lostSchema !== database.schema;
      if (!isOtherSchema || attempt >= 5) throw error;
    }
  }
}

/** Builds the app on a fresh database of `engine`. */
export async function startTestServer(engine: EngineName, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tinkuy-server-'));
  const pgUrl = options.pgUrl ?? process.env.TEST_DATABASE_URL ?? '';
  const schema = engine === 'postgres' ? await createPgSchema(pgUrl) : undefined;
  const timeouts = options.timeouts ? { timeouts: { ...DEFAULT_STORE_TIMEOUTS, ...options.timeouts } } : {};
  const database: DatabaseConfig =
    engine === 'postgres' ? { kind: 'postgres', url: pgUrl, schema: schema!, ...timeouts } : { kind: 'sqlite', file: join(dataDir, 'tinkuy.db'), ...timeouts };
  const admin = options.admin === undefined ? { email: 'coordinacion@tinkuy.test', password: 'clave-coordinacion-2026' } : options.admin;
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    database,
    clientDir: options.clientDir ?? join(dataDir, 'no-client-build'),
    trustProxy: options.trustProxy ?? false,
    ...(options.httpTimeouts ? { httpTimeouts: options.httpTimeouts } : {}),
    ...(options.mediaLimits ? { mediaLimits: options.mediaLimits } : {}),
    logLevel: options.logStream ? 'info' : 'silent',
    ...(admin ? { adminEmail: admin.email, adminPassword: admin.password } : {}),
  };
  const cleanUp = async () => {
    if (schema) await dropPgSchema(pgUrl, schema);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const buildOnDatabase = (store: Store) =>
    buildApp(config, {
      store,
      ...(options.now ? { now: options.now } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
  const launch = async (): Promise<TestServer> => {
    const { store, app } = await openAndBuild(database, buildOnDatabase);
    return {
      app,
      store,
      dataDir,
      engine,
      database,
      restart: async () => {
        await app.close();
        return launch();
      },
      startTwin: () => buildOnDatabase(openStore(database)),
      close: async () => {
        try {
          await app.close();
        } finally {
          await cleanUp();
        }
      },
    };
  };
  return launch();
}

/** A stream that keeps the JSON log lines written to it. */
export function createLogCollector(): { stream: NodeJS.WritableStream; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines };
}

let accountCounter = 0;

/** Creates an account with `roles` and logs it in; returns the session answer. */
export async function createLoggedInUser(server: TestServer, roles: Role[], name = 'Persona de prueba'): Promise<SessionResponse> {
  accountCounter += 1;
  const email = `${roles.join('-')}-${accountCounter}-${randomBytes(3).toString('hex')}@tinkuy.test`;
  const password = `clave-${randomBytes(6).toString('hex')}`;
  await createAccount(server.store.db, { email, name, roles, password });
  const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, deviceName: 'Prueba' } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionResponse>();
}

/**
 * One server on `engine`, started before the file's (or describe block's) tests and closed after
 * them; `onStart` receives it, typically to set the block's `server`.
 */
export function useTestServer(engine: EngineName, onStart: (server: TestServer) => void, options: TestServerOptions = {}): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(engine, options);
    onStart(server);
  });
  afterAll(async () => server?.close());
}

export interface ServerWithUser {
  readonly clock: TestClock;
  /** Set before the first test runs. */
  server: TestServer;
  user: SessionResponse;
}

/**
 * The setup most contract tests share: one server on `engine` with a clock the test moves, and one
 * logged-in account with `roles`, started before the file's tests and closed after them.
 */
export function useServerWithUser(engine: EngineName, roles: Role[], name?: string, { realClock = false } = {}): ServerWithUser {
  const setup = { clock: createTestClock(Date.parse('2026-11-29T15:00:00.000Z')) } as ServerWithUser;
  beforeAll(async () => {
    // realClock: the server reads the wall clock (tests whose stamps are taken from Date.now()).
    setup.server = await startTestServer(engine, realClock ? {} : { now: setup.clock.now });
    setup.user = await createLoggedInUser(setup.server, roles, name);
  });
  afterAll(async () => setup.server.close());
  return setup;
}

/** The Authorization header for a session. */
export function bearer(session: SessionResponse): { authorization: string } {
  return { authorization: `Bearer ${session.accessToken}` };
}
