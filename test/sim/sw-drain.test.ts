/**
 * The service worker's Background Sync drain, run in Node the way the worker runs it: no
 * window, IndexedDB and fetch from the global scope, the token from the user database — against
 * the real server in-process.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabases, type Databases } from '../../src/db/connection';
import { writeSession } from '../../src/db/meta-store';
import { recordMutation } from '../../src/db/record-mutation';
import { drainFromServiceWorker } from '../../src/sync/sw-entry';
import { toStoredSession } from '../../src/sync/auth-client';
import { uuidv7 } from '../../src/shared/ids';
import { createLoggedInUser, startTestServer, type TestServer } from '../helpers/server-app';

const scope = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: unknown; fetch: typeof fetch };
const realFetch = scope.fetch;
let server: TestServer;
let device: Databases;

/** fetch as the worker sees it: same-origin paths, answered by the server in-process. */
function serverFetch(): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const payload = init.body ? Buffer.from(init.body as Uint8Array) : undefined;
    const answer = await server.app.inject({ method: (init.method ?? 'GET') as 'GET', url: String(input), headers, ...(payload ? { payload } : {}) });
    return new Response(answer.statusCode === 204 ? null : new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type'] ?? '') } });
  }) as typeof fetch;
}

beforeEach(async () => {
  server = await startTestServer('sqlite');
  scope.indexedDB = new IDBFactory();
  scope.IDBKeyRange = IDBKeyRange;
  device = openDatabases();
});
afterEach(async () => {
  device.user.close();
  device.catalogue.close();
  scope.fetch = realFetch;
  delete scope.indexedDB;
  await server.close();
});

const eventArgs = () => ({
  id: uuidv7(),
  title: 'Feria artesanal',
  type: 'feria' as const,
  startsAt: '2026-12-05T14:00:00.000Z',
  endsAt: '2026-12-05T22:00:00.000Z',
  venue: 'Plaza de Armas',
  placeCode: '080101',
  expectedAudience: 300,
  outdoors: true,
  music: 'recorded' as const,
  heritageSite: false,
  minors: true,
});

describe('the service worker drain', () => {
  it('sends what the page queued, with the token kept in the user database', async () => {
    const session = await createLoggedInUser(server, ['gestor']);
    await writeSession(device.user, toStoredSession(session, Date.now()));
    const event = eventArgs();
    await recordMutation(device.user, 'event.save', event);
    scope.fetch = serverFetch();
    await drainFromServiceWorker();
    expect(await device.user.outbox.count()).toBe(0);
    const stored = await server.store.db.selectFrom('events').selectAll().where('id', '=', event.id).execute();
    expect(stored).toHaveLength(1);
  });

  it('never throws when the network is down, and keeps the outbox for the page', async () => {
    const session = await createLoggedInUser(server, ['gestor']);
    await writeSession(device.user, toStoredSession(session, Date.now()));
    await recordMutation(device.user, 'event.save', eventArgs());
    scope.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(drainFromServiceWorker()).resolves.toBeUndefined();
    expect(await device.user.outbox.count()).toBe(1);
  });

  it('never throws where IndexedDB is missing', async () => {
    delete scope.indexedDB;
    await expect(drainFromServiceWorker()).resolves.toBeUndefined();
  });
});
