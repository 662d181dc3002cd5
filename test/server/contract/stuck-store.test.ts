/**
 * One stuck process cannot stop the others (security report M4, L8): a push waiting behind a
 * transaction that holds the version lock answers 503 with Retry-After within the lock timeout
 * (not a hang) and is applied once when retried; a frozen transaction of the server's own loses
 * its locks; a pool with every connection busy answers 503, not 500.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../../src/server/config';
import { isStoreUnavailable } from '../../../src/server/store/faults';
import { createLoggedInUser, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, pushRaw } from '../../helpers/server-sync';

const LOCK_MS = 600;

/** Another connection (a second process) that takes the version counter's lock and keeps it. */
interface LockHolder {
  release(): Promise<void>;
}

async function holdVersionLock(database: DatabaseConfig): Promise<LockHolder> {
  if (database.kind === 'postgres') {
    const client = new pg.Client({ connectionString: database.url, ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}) });
    await client.connect();
    await client.query('begin');
    await client.query('select value from sync_version where id = 1 for update');
    return {
      release: async () => {
        await client.query('rollback');
        await client.end();
      },
    };
  }
  // SQLite has one writer: the other process holds the file's write lock.
  const other = new SqliteDatabase(database.file);
  other.exec('begin immediate');
  return {
    release: async () => {
      other.exec('rollback');
      other.close();
    },
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(ENGINES)('a push behind a held version lock on %s', (engine) => {
  it('answers 503 with Retry-After within the lock timeout, then the retry applies once', async () => {
    server = await startTestServer(engine, { timeouts: { lockMs: LOCK_MS } });
    const session = await createLoggedInUser(server, ['gestor']);
    const device = createDeviceQueue();
    const event = makeEventArgs({ title: 'Feria bajo bloqueo' });
    const batch = [device.next('event.save', event)];

    const holder = await holdVersionLock(server.database);
    let started = 0;
    try {
      started = performance.now();
      const res = await pushRaw(server, session, device.clientId, batch);
      const waited = performance.now() - started;
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.json().error.code).toBe('unavailable');
      // PostgreSQL waits for the lock and gives up near the timeout, not seconds later. SQLite's
      // push has read already when it wants to write, and such a reader never waits for another
      // writer (it would block the event loop anyway): it answers at once.
      if (engine === 'postgres') expect(waited).toBeGreaterThanOrEqual(LOCK_MS * 0.8);
      expect(waited).toBeLessThan(LOCK_MS + 2_000);
    } finally {
      await holder.release();
    }

    const retry = await pushRaw(server, session, device.clientId, batch);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ lastSeq: 1, rejected: [] });
    const again = await pushRaw(server, session, device.clientId, batch);
    expect(again.json()).toEqual({ lastSeq: 1, rejected: [] });
    const page = await pull(server, session);
    expect(page.changes.filter((c) => c.id === event.id)).toHaveLength(1);
  });
});

const PG = ENGINES.includes('postgres') ? describe : describe.skip;

PG('PostgreSQL: a frozen transaction and an exhausted pool', () => {
  it('a transaction idle past the timeout loses its lock; the waiting push goes through', async () => {
    server = await startTestServer('postgres', { timeouts: { lockMs: 5_000, idleInTransactionMs: 400 } });
    const session = await createLoggedInUser(server, ['gestor']);
    const device = createDeviceQueue();
    let frozenError: unknown;
    // The server's own connection takes the counter lock, then stops (a SIGSTOPped process).
    const frozen = server.store.db.transaction().execute(async (trx) => {
      await sql`select value from sync_version where id = 1 for update`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await sql`select 1`.execute(trx);
    }).catch((error: unknown) => {
      frozenError = error;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const res = await pushRaw(server, session, device.clientId, [device.next('event.save', makeEventArgs())]);
    const waited = performance.now() - started;
    await frozen;
    expect(res.statusCode).toBe(200);
    // Freed by the idle timeout (400 ms), not by the frozen transaction waking at 1.5 s.
    expect(waited).toBeLessThan(1_300);
    expect(isStoreUnavailable(frozenError)).toBe(true);
  });

  it('every pooled connection busy: pull, login and health answer 503 with Retry-After', async () => {
    server = await startTestServer('postgres', { timeouts: { poolMax: 2, poolAcquireMs: 300 } });
    const session = await createLoggedInUser(server, ['gestor']);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holders = [0, 1].map(() => server!.store.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await gate;
    }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      const answers = await Promise.all([
        server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=catalogue&cursor=0' }),
        server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nadie@tinkuy.test', password: 'clave-cualquiera', deviceName: 'Prueba' } }),
        server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=user&cursor=0', headers: { authorization: `Bearer ${session.accessToken}` } }),
      ]);
      for (const res of answers) {
        expect(res.statusCode, res.body).toBe(503);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.json().error.code).toBe('unavailable');
      }
      const health = await server.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
    } finally {
      open();
      await Promise.all(holders);
    }
    const after = await server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=catalogue&cursor=0' });
    expect(after.statusCode).toBe(200);
  });
});
