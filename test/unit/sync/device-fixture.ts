import { effect } from '@preact/signals';
import { gunzipSync } from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { openDatabases, useDatabases, type Databases } from '../../../src/db/connection';
import { writeSession, type StoredSession } from '../../../src/db/meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { uuidv7 } from '../../../src/shared/ids';
import type { EventSaveArgs } from '../../../src/shared/schemas/event';
import type { Transport } from '../../../src/sync/transport';
import { makeEventArgs } from '../../helpers/factories';

/** A device with its own fresh IndexedDB (nothing shared between tests). */
export function createDevice(now: () => number = Date.now): Databases {
  return openDatabases({ indexedDB: new IDBFactory(), IDBKeyRange, now });
}

/** How `useFreshDevice` sets each test's device up and tears it down. */
export interface FreshDeviceOptions {
  now?: () => number;
  /** Called with the new device (installed as the app's databases) before each test. */
  onDevice(dbs: Databases): void | Promise<void>;
  /** Runs after each test, before the device is uninstalled (e.g. stop the sync). */
  cleanUp?(): void | Promise<void>;
}

/** Each test of the file gets a fresh device, installed as the app's databases, removed after. */
export function useFreshDevice(options: FreshDeviceOptions): void {
  beforeEach(async () => {
    const dbs = createDevice(options.now);
    useDatabases(dbs);
    // A keyed signal kept from the last test would show its database's rows for a moment.
    resetLiveSignals();
    await options.onDevice(dbs);
  });
  afterEach(async () => {
    await options.cleanUp?.();
    useDatabases(undefined);
  });
}

/** `useFreshDevice` for form tests: the last test's session drafts (sessionStorage) are gone too. */
export function useFormDevice(onDevice: FreshDeviceOptions['onDevice']): void {
  useFreshDevice({
    onDevice: (dbs) => {
      sessionStorage.clear();
      return onDevice(dbs);
    },
  });
}

/** A signed-in session as the device keeps it. */
export function makeSession(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-token-0000000000001',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: { id: uuidv7(), email: 'ana@cultura.gob.pe', name: 'Ana Quispe', roles: ['gestor'] },
    ...overrides,
  };
}

/** Signs the device in (as if a login had happened earlier). */
export async function signIn(dbs: Databases, overrides: Partial<StoredSession> = {}): Promise<StoredSession> {
  const session = makeSession(overrides);
  await writeSession(dbs.user, session);
  return session;
}

/** A signed-in device with `count` events waiting in its outbox (the drain tests' usual start). */
export async function createSignedInDeviceWithEvents(count: number): Promise<Databases> {
  const dbs = createDevice();
  await signIn(dbs);
  await queueEvents(dbs, count);
  return dbs;
}

/** Valid `event.save` args: a Candelaria festival in Puno (the device tests' usual event). */
export function makeEvent(overrides: Partial<EventSaveArgs> = {}): EventSaveArgs {
  return makeEventArgs({ title: 'Festival de la Candelaria', startsAt: '2026-02-02T15:00:00.000Z', endsAt: '2026-02-02T23:00:00.000Z', placeCode: '210101', heritageSite: false, ...overrides });
}

/** Queues `count` event saves on the device. */
export async function queueEvents(dbs: Databases, count: number): Promise<EventSaveArgs[]> {
  const events: EventSaveArgs[] = [];
  for (let i = 0; i < count; i += 1) {
    const event = makeEvent({ title: `Evento ${i + 1}` });
    await recordMutation(dbs.user, 'event.save', event);
    events.push(event);
  }
  return events;
}

/** A request as a scripted server saw it. */
export interface SeenRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A transport whose answers a test writes; every request is recorded with its decoded body. */
export function scriptTransport(answer: (request: SeenRequest, index: number) => Response | Promise<Response>) {
  const seen: SeenRequest[] = [];
  const transport: Transport = async (path, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    let body: unknown;
    if (init.body) {
      const raw = Buffer.from(init.body instanceof Uint8Array ? init.body : String(init.body));
      const text = headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      body = JSON.parse(text);
    }
    const request = { path, method: init.method ?? 'GET', headers, body };
    seen.push(request);
    return answer(request, seen.length - 1);
  };
  return { transport, seen };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The push answer a server gives when it applied everything it received. */
export function acceptAll(request: SeenRequest): Response {
  const mutations = (request.body as { mutations: { seq: number }[] }).mutations;
  return json(200, { lastSeq: mutations.at(-1)?.seq ?? 0, rejected: [] });
}

/** An empty pull page. */
export function emptyPage(cursor = 0): Response {
  return json(200, { changes: [], cursor, hasMore: false });
}

/** Resolves once `read()` (which reads signals) returns a value that passes `accept`; fails after 2 s. */
export function waitForSignal<T>(read: () => T, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      stop?.();
      reject(new Error(`waited 2 s; last value: ${JSON.stringify(read())}`));
    }, 2000);
    stop = effect(() => {
      const value = read();
      if (!accept(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => stop?.());
      resolve(value);
    });
  });
}
