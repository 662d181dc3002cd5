/**
 * Component tests against the REAL server in-process: one SQLite test server for the file, a
 * fresh device (both Dexie databases) for each test, and every request of the app answered by
 * `server.app.inject` instead of the network.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { useDatabases, type Databases } from '../../src/db/connection';
import { writeSession } from '../../src/db/meta-store';
import { toStoredSession } from '../../src/sync/auth-client';
import { setTransport, type Transport } from '../../src/sync/transport';
import { loadSession } from '../../src/state/session-model';
import { stopSync } from '../../src/state/sync-model';
import type { SessionResponse } from '../../src/shared/protocol';
import { startTestServer, type TestServer } from './server-app';
import { createDevice } from '../unit/sync/device-fixture';

export interface InProcessDevice {
  /** The file's server (set before the first test). */
  readonly server: TestServer;
  /** This test's device. */
  readonly dbs: Databases;
  /** Keeps `session` on the device as a login would, and loads it into the app. */
  signInAs(session: SessionResponse): Promise<void>;
}

export function useInProcessServer(onStart?: (server: TestServer) => Promise<void> | void): InProcessDevice {
  let server: TestServer;
  let dbs: Databases;
  const inject: Transport = async (path, init) => {
    const res = await server.app.inject({ method: (init.method ?? 'GET') as 'GET', url: path, headers: init.headers as Record<string, string>, ...(init.body ? { payload: init.body as string } : {}) });
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
  };
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await onStart?.(server);
  }, 60_000);
  afterAll(async () => server?.close());
  beforeEach(() => {
    dbs = createDevice();
    useDatabases(dbs);
    setTransport(inject);
    sessionStorage.clear();
  });
  afterEach(async () => {
    cleanup();
    await stopSync();
    setTransport(undefined);
    useDatabases(undefined);
  });
  return {
    get server() { return server; },
    get dbs() { return dbs; },
    async signInAs(session) {
      await writeSession(dbs.user, toStoredSession(session, Date.now()));
      await loadSession();
    },
  };
}
