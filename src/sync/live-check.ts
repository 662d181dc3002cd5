/**
 * Live screens (#10): while a screen is open, visible and online, the page asks the server every
 * 30 s whether anything is new for this device (`GET /api/sync/head` with its cursors), and runs
 * a real sync round only when the answer is yes. Idle, that is one bare 204 per 30 s. The pulled
 * rows land in Dexie and the screens' live queries redraw by themselves.
 */
import { readCatalogueCursor } from '../db/catalogue-meta-store';
import { getClientId, META_KEYS, readMeta, readSession } from '../db/meta-store';
import type { SyncContext } from './sync-context';

/** How often an open, visible, online screen asks. */
export const LIVE_CHECK_INTERVAL_MS = 30_000;

/** The token must outlive the question by this much; otherwise a round renews it (a check never does). */
const TOKEN_MARGIN_MS = 30_000;

/**
 * Whether the server holds something this device has not pulled (its own writes aside).
 * True also when the answer cannot tell (an access token to renew, a server error, no answer
 * while the device has a network): a round then finds out and handles it. False when offline:
 * nothing to do until `online` wakes sync.
 */
export async function hasNewOnServer(ctx: Pick<SyncContext, 'user' | 'catalogue' | 'transport'>): Promise<boolean> {
  const params = new URLSearchParams({ catalogue: String(await readCatalogueCursor(ctx.catalogue)) });
  const headers: Record<string, string> = {};
  const session = await readSession(ctx.user);
  if (session && !session.expired) {
    if (Date.parse(session.expiresAt) - ctx.user.now() < TOKEN_MARGIN_MS) return true;
    params.set('user', String((await readMeta<number>(ctx.user.meta, META_KEYS.userCursor)) ?? 0));
    if (!(await readMeta<boolean>(ctx.user.meta, META_KEYS.echoOff))) params.set('clientId', await getClientId(ctx.user));
    headers.authorization = `Bearer ${session.accessToken}`;
  }
  let response: Response;
  try {
    response = await ctx.transport(`/api/sync/head?${params}`, { method: 'GET', headers });
  } catch {
    // With a network, a question that gets no answer means the server is down or unreachable: a
    // round finds out and says so (the top bar's «Sin conexión»). Without one, nothing to do.
    return typeof navigator !== 'undefined' && navigator.onLine;
  }
  await response.body?.cancel().catch(() => undefined);
  return response.status !== 204;
}
