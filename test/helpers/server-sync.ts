/** Factories for sync tests: mutations as a device would queue them, and push/pull calls. */
import { gzipSync } from 'node:zlib';
import { formatHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { PullResponse, PushResponse, SessionResponse, WireMutation } from '../../src/shared/protocol';
import type { RunningServer } from './e2e-server';
import { bearer, type TestServer } from './server-app';

/** A well-formed HLC stamp at `wallMs`. */
export function stampAt(wallMs: number, clientId: string, counter = 0): string {
  return formatHlc({ wallMs, counter, clientId });
}

export { makeEventArgs } from './factories';

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

/** POSTs a push as JSON (or gzip); returns the raw response. */
export async function pushRaw(server: TestServer, session: SessionResponse | undefined, clientId: string, mutations: WireMutation[], gzip = false) {
  const json = JSON.stringify({ clientId, mutations });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(session ? bearer(session) : {}) };
  if (gzip) headers['content-encoding'] = 'gzip';
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: gzip ? gzipSync(json) : json });
}

/** Pushes and expects 200; returns the answer. */
export async function push(server: TestServer, session: SessionResponse, clientId: string, mutations: WireMutation[]): Promise<PushResponse> {
  const res = await pushRaw(server, session, clientId, mutations);
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
  return res.json<PushResponse>();
}

/** One pull page; expects 200. In process (`inject`) or over HTTP from a running server. */
export async function pull(
  server: TestServer | RunningServer,
  session: SessionResponse | undefined,
  query: { scope?: string; cursor?: number; limit?: number } = {},
): Promise<PullResponse> {
  const params = new URLSearchParams({ scope: query.scope ?? 'user', cursor: String(query.cursor ?? 0), limit: String(query.limit ?? 500) });
  const url = `/api/sync/pull?${params}`;
  const headers = session ? bearer(session) : {};
  if ('url' in server) {
    const res = await fetch(`${server.url}${url}`, { headers });
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as PullResponse;
  }
  const res = await server.app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
  return res.json<PullResponse>();
}

/** Pulls every page from `cursor` on; returns all changes and the final cursor. */
export async function pullAll(server: TestServer | RunningServer, session: SessionResponse | undefined, scope = 'user', limit = 500, cursor = 0) {
  const changes: PullResponse['changes'] = [];
  let pages = 0;
  for (;;) {
    const page = await pull(server, session, { scope, cursor, limit });
    pages += 1;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}
