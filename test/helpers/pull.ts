/**
 * Pulls as a device does, from the server in process (`inject`) or a running one over HTTP.
 * Type-only imports: end-to-end tests use it without loading the server's code.
 */
import type { PullResponse, SessionResponse } from '../../src/shared/protocol';
import type { RunningServer } from './e2e-server';
import type { TestServer } from './server-app';

/** One pull page; expects 200. In process (`inject`) or over HTTP from a running server. */
export async function pull(
  server: TestServer | RunningServer,
  session: SessionResponse | undefined,
  query: { scope?: string; cursor?: number; limit?: number; clientId?: string } = {},
): Promise<PullResponse> {
  const params = new URLSearchParams({ scope: query.scope ?? 'user', cursor: String(query.cursor ?? 0), limit: String(query.limit ?? 500) });
  // The pulling device: its own writes, as it holds them, are left out (#12).
  if (query.clientId) params.set('clientId', query.clientId);
  const url = `/api/sync/pull?${params}`;
  const headers: Record<string, string> = session ? { authorization: `Bearer ${session.accessToken}` } : {};
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
