// Dexie's liveQuery stays silent unless a global IndexedDB existed when Dexie loaded; each device still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabases, useDatabases, type Databases } from '../../../src/db/connection';
import { USER_DB_NAME } from '../../../src/db/user-db';
import { getClientId, readSession } from '../../../src/db/meta-store';
import { setTransport } from '../../../src/sync/transport';
import { isReloadNeeded, pendingCount, rejectedChanges, stopSync, syncNow, syncStatus } from '../../../src/state/sync-model';
import { discardRejected, exportPending, exportRejected, importChanges, retryRejected } from '../../../src/state/changes-file-model';
import { currentUser, login, LoginError, logout, needsLogin } from '../../../src/state/session-model';
import { saveEvent } from '../../../src/state/event-model';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { acceptAll, createDevice, emptyPage, json, makeEvent, queueEvents, scriptTransport, signIn, waitForSignal, type SeenRequest } from '../sync/device-fixture';
import { useSyncingDevice } from '../sync/syncing-device';

let dbs: Databases;
useSyncingDevice(() => Date.parse('2026-11-29T17:30:00Z'), (device) => void (dbs = device));

const sessionAnswer = (token: string) =>
  json(200, { accessToken: token, refreshToken: `refresh-${token}-000000000000000`, expiresIn: 900, user: { id: '0193c1d2-0000-7000-8000-000000000001', email: 'ana@cultura.gob.pe', name: 'Ana Quispe', roles: ['gestor'] } });

/** A small fake of the server's sync and auth answers, good enough for the models. */
function server(options: { push?: (r: SeenRequest) => Response } = {}) {
  return scriptTransport((request) => {
    if (request.path === '/api/auth/login') {
      const { password } = request.body as { password: string };
      return password === 'clave-correcta' ? sessionAnswer('access-login') : json(401, { error: { code: 'invalid_credentials', message: ERROR_MESSAGES.invalid_credentials } });
    }
    if (request.path === '/api/auth/logout') return json(204, null);
    if (request.path === '/api/auth/refresh') return json(401, { error: { code: 'unauthorized', message: 'x' } });
    if (request.path === '/api/sync/push') return (options.push ?? acceptAll)(request);
    return emptyPage();
  });
}

describe('the sync model', () => {
  it('counts unsent changes live and “Sincronizar ahora” sends them, then reads as up to date', async () => {
    await signIn(dbs);
    const { transport, seen } = server();
    setTransport(transport);
    setTransport(() => Promise.reject(new TypeError('offline')));
    await syncNow();
    await queueEvents(dbs, 2);
    await waitForSignal(() => pendingCount.value, (n) => n === 2);
    setTransport(transport);
    await stopSync();
    await syncNow();
    expect(seen.filter((r) => r.path === '/api/sync/push')).toHaveLength(1);
    expect(await dbs.user.outbox.count()).toBe(0);
    await waitForSignal(() => pendingCount.value, (n) => n === 0);
    expect(syncStatus.value).toEqual({ phase: 'idle', lastSyncedAt: '2026-11-29T17:30:00.000Z', lastError: null });
  });

  it('offline, keeps the changes and says so in Spanish', async () => {
    await signIn(dbs);
    setTransport(() => Promise.reject(new TypeError('Failed to fetch')));
    await queueEvents(dbs, 1);
    await syncNow();
    expect(syncStatus.value.phase).toBe('offline');
    expect(syncStatus.value.lastError).toBe(ERROR_MESSAGES.network);
    expect(await dbs.user.outbox.count()).toBe(1);
  });

  it('lists rejected changes; retry sends them again; discard needs an export first', async () => {
    await signIn(dbs);
    let reject = true;
    const { transport } = server({
      push: (r) => {
        const seqs = (r.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq);
        const answer = { lastSeq: seqs.at(-1), rejected: reject ? [{ seq: seqs[0], code: 'not_owner', message: ERROR_MESSAGES.not_owner }] : [] };
        return json(200, answer);
      },
    });
    setTransport(transport);
    await queueEvents(dbs, 1);
    await syncNow();
    await waitForSignal(() => rejectedChanges.value.length, (n) => n === 1);
    expect(rejectedChanges.value.map((r) => r.message)).toEqual([ERROR_MESSAGES.not_owner]);
    const id = rejectedChanges.value[0]!.id!;
    await expect(discardRejected(id)).rejects.toThrow('Exporte este cambio');
    reject = false;
    await retryRejected(id);
    await syncNow();
    expect(await dbs.user.rejected.count()).toBe(0);
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('exports pending changes as a JSON file, and importing that file twice queues each change once', async () => {
    await queueEvents(dbs, 2);
    const file = await exportPending();
    expect(file.type).toBe('application/json');
    const parsed = JSON.parse(await file.text()) as { mutations: { seq: number; clientId: string; name: string; hlc: string }[] };
    expect(parsed.mutations.map((m) => m.seq)).toEqual([1, 2]);

    const other = createDevice();
    useDatabases(other);
    await stopSync();
    setTransport(() => Promise.reject(new TypeError('offline')));
    expect(await importChanges(file)).toEqual({ queued: 2, skipped: 0 });
    expect(await importChanges(file)).toEqual({ queued: 0, skipped: 2 });
    expect(await other.user.outbox.count()).toBe(2);
    expect(await other.user.events.count()).toBe(2);
    expect((await exportRejected()).size).toBeGreaterThan(0);
  });
});

describe('a newer Tinkuy in another tab', () => {
  it('closes this tab’s database, stops syncing here and asks for a reload', async () => {
    const factory = new IDBFactory();
    dbs = openDatabases({ indexedDB: factory, IDBKeyRange });
    useDatabases(dbs);
    setTransport(() => Promise.reject(new TypeError('offline')));
    await syncNow();
    expect(isReloadNeeded.value).toBe(false);
    const newer = new Dexie(USER_DB_NAME, { indexedDB: factory, IDBKeyRange });
    newer.version(99).stores({ events: 'id' }); // above any version the app declares
    await newer.open();
    expect(isReloadNeeded.value).toBe(true);
    expect(syncStatus.value.lastError).toMatch(/Recargue esta página/);
    newer.close();
  });
});

describe('the session model', () => {
  it('logs in, keeps the session on the device and shows who is signed in', async () => {
    const { transport } = server();
    setTransport(transport);
    const user = await login(' Ana@Cultura.gob.pe ', 'clave-correcta');
    expect(user.name).toBe('Ana Quispe');
    expect(currentUser.value?.email).toBe('ana@cultura.gob.pe');
    expect((await readSession(dbs.user))?.accessToken).toBe('access-login');
  });

  it('a wrong password gives the server’s Spanish reason; a bad email is caught before sending', async () => {
    const { transport, seen } = server();
    setTransport(transport);
    await expect(login('ana@cultura.gob.pe', 'otra')).rejects.toThrow(ERROR_MESSAGES.invalid_credentials);
    const bad = await login('ana', 'x').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LoginError);
    expect((bad as LoginError).field).toBe('email');
    expect((bad as Error).message).toBe('Escriba un correo válido.');
    expect(seen).toHaveLength(1);
  });

  it('an expired session on reconnect asks for a login, keeps the outbox, and the login sends it', async () => {
    await signIn(dbs);
    let pushesAccepted = 0;
    const { transport } = server({
      push: (r) => (r.headers.authorization === 'Bearer access-login' ? (pushesAccepted++, acceptAll(r)) : json(401, { error: { code: 'unauthorized', message: 'x' } })),
    });
    setTransport(transport);
    await saveEvent(makeEvent());
    await syncNow();
    expect(needsLogin.value).toBe(true);
    expect(syncStatus.value.lastError).toBe(ERROR_MESSAGES.unauthorized);
    expect(await dbs.user.outbox.count()).toBe(1);
    await login('ana@cultura.gob.pe', 'clave-correcta');
    await syncNow();
    expect(pushesAccepted).toBe(1);
    expect(needsLogin.value).toBe(false);
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('logout is refused while changes are unsent, allowed after exporting them, and forgets the data', async () => {
    await signIn(dbs);
    setTransport(() => Promise.reject(new TypeError('offline')));
    await queueEvents(dbs, 1);
    expect(await logout()).toMatch(/cambios sin enviar/);
    expect(await readSession(dbs.user)).toBeDefined();
    await exportPending();
    const deviceIdBefore = await getClientId(dbs.user);
    expect(await logout()).toBeNull();
    // The server binds a client id to one account: the next person on this phone gets a new one.
    expect(await getClientId(dbs.user)).not.toBe(deviceIdBefore);
    expect(await readSession(dbs.user)).toBeUndefined();
    expect(await dbs.user.events.count()).toBe(0);
    expect(currentUser.value).toBeNull();
  });
});
