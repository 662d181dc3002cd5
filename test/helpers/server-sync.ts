/** Factories for sync tests: mutations as a device would queue them, and push/pull calls. */
import { gzipSync } from 'node:zlib';
import { uuidv7 } from '../../src/shared/ids';
import type { PushResponse, SessionResponse, WireMutation } from '../../src/shared/protocol';
import { makeEventArgs, stampAt } from './factories';
import { bearer, type TestServer } from './server-app';

export { makeEventArgs, stampAt } from './factories';

/** A device's queue: numbers mutations from 1 and stamps them with a rising clock. */
export function createDeviceQueue(clientId: string = uuidv7(), startMs = Date.parse('2026-11-29T14:00:00.000Z')) {
  let seq = 0;
  let wall = startMs;
  return {
    clientId,
    /** The next mutation, as the outbox would hold it. */
    next(name: string, args: unknown, options: { v?: number; hlc?: string } = {}): WireMutation {
      seq += 1;
      wall += 1000;
      return { seq, name, v: options.v ?? 1, args, hlc: options.hlc ?? stampAt(wall, clientId) };
    },
  };
}

/** POSTs a push as JSON (or gzip), with the device's pull cursor when given; returns the raw response. */
export async function pushRaw(server: TestServer, session: SessionResponse | undefined, clientId: string, mutations: WireMutation[], gzip = false, cursor?: number) {
  const json = JSON.stringify({ clientId, mutations, ...(cursor === undefined ? {} : { cursor }) });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(session ? bearer(session) : {}) };
  if (gzip) headers['content-encoding'] = 'gzip';
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: gzip ? gzipSync(json) : json });
}

/** Pushes (with the device's pull cursor when given) and expects 200; returns the answer. */
export async function push(server: TestServer, session: SessionResponse, clientId: string, mutations: WireMutation[], cursor?: number): Promise<PushResponse> {
  const res = await pushRaw(server, session, clientId, mutations, false, cursor);
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
  return res.json<PushResponse>();
}

/** A push with no bearer from `address`: a participant's phone at the door. Returns the raw response. */
export async function pushAnonymously(server: TestServer, clientId: string, mutations: WireMutation[], address = '127.0.0.1') {
  return server.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    remoteAddress: address,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ clientId, mutations }),
  });
}

export { pull, pullAll } from './pull';

/**
 * Pushes, as `session`, a new event and a checklist run on it (the general template), then whatever
 * `then` adds for that run in the same batch; fails on any refusal. Returns the two ids.
 */
export async function pushEventWithRun(server: TestServer, session: SessionResponse, then: (runId: string) => [string, unknown][] = () => []): Promise<{ eventId: string; runId: string }> {
  const device = createDeviceQueue();
  const event = makeEventArgs();
  const runId = uuidv7();
  const answer = await push(server, session, device.clientId, [
    device.next('event.save', event),
    device.next('checklist.start', { runId, eventId: event.id, templateId: 'general', templateVersion: 1 }),
    ...then(runId).map(([name, args]) => device.next(name, args)),
  ]);
  if (answer.rejected.length > 0) throw new Error(`la prueba no pudo crear su evento: ${JSON.stringify(answer.rejected)}`);
  return { eventId: event.id, runId };
}
