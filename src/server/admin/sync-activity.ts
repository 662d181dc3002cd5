import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/**
 * When each signed-in device last pushed and pulled (device_sessions, migration 991), for the
 * coordinación's Administración. A minute is fine enough for «who synced when», so a device that
 * pushes or pulls page after page writes at most once a minute: the UPDATE's condition keeps the
 * row untouched (no write, no lock held) while the stamp is fresh.
 */

/** How stale a stamp must be before it is written again. */
export const SYNC_STAMP_RESOLUTION_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Records that session `sessionId` pushed (`push`) or pulled (`pull`) at `nowMs`. */
export async function recordSyncActivity(db: Kysely<Database>, sessionId: string, kind: 'push' | 'pull', nowMs: number): Promise<void> {
  const column = kind === 'push' ? 'last_push_at' : 'last_pull_at';
  await db
    .updateTable('device_sessions')
    .set({ [column]: iso(nowMs) })
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<', iso(nowMs - SYNC_STAMP_RESOLUTION_MS))]))
    .execute();
}

/** Sessions remembered at most, so a process that meets many devices keeps a bounded map. */
const MAX_REMEMBERED = 10_000;

/**
 * `recordSyncActivity` that skips the round trip when this process itself wrote the same stamp
 * less than `SYNC_STAMP_RESOLUTION_MS` ago (the UPDATE would change nothing): a device pushing
 * batch after batch costs one statement fewer per push (#12). Another process's stamp is not
 * known here, so it may still write once a minute per session: harmless.
 */
export function createSyncStamper(db: Kysely<Database>): (sessionId: string, kind: 'push' | 'pull', nowMs: number) => Promise<void> {
  const written = new Map<string, number>();
  return async (sessionId, kind, nowMs) => {
    const key = `${kind}:${sessionId}`;
    const last = written.get(key);
    if (last !== undefined && nowMs >= last && nowMs - last < SYNC_STAMP_RESOLUTION_MS) return;
    await recordSyncActivity(db, sessionId, kind, nowMs);
    if (written.size >= MAX_REMEMBERED) written.clear();
    written.set(key, nowMs);
  };
}
