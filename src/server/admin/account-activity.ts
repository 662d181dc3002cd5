/**
 * What the coordinación sees of each account's devices: the live sessions with their last push
 * and pull, and the changes the server refused to the account's phones lately.
 */
import type { Kysely } from 'kysely';
import type { AdminDevice, AdminRefusals } from '../../shared/schemas/admin';
import type { Database } from '../store/schema';

/**
 * How far back refused changes count. The server keeps each refusal (to answer a replayed push),
 * but it cannot tell whether the person already dealt with it on the phone: a recent one is what
 * most likely still waits there, under «Requiere atención».
 */
export const REFUSALS_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Each user's live device sessions (not signed out, not expired), most recently used first. */
export async function readDevicesByUser(db: Kysely<Database>, nowMs: number): Promise<Map<string, AdminDevice[]>> {
  const rows = await db
    .selectFrom('device_sessions')
    .select(['id', 'user_id', 'device_name', 'created_at', 'last_used_at', 'last_push_at', 'last_pull_at'])
    .where('revoked_at', 'is', null)
    .where('refresh_expires_at', '>', iso(nowMs))
    .orderBy('last_used_at', 'desc')
    .execute();
  const byUser = new Map<string, AdminDevice[]>();
  for (const row of rows) {
    const device: AdminDevice = {
      id: row.id,
      deviceName: row.device_name,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      lastPushAt: row.last_push_at,
      lastPullAt: row.last_pull_at,
    };
    byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), device]);
  }
  return byUser;
}

/**
 * Per user, the changes refused to their phones within REFUSALS_WINDOW_MS: how many and when the
 * latest came (counted by the database), and that latest one's reason (one row per such user).
 */
export async function readRefusalsByUser(db: Kysely<Database>, nowMs: number): Promise<Map<string, AdminRefusals>> {
  const since = iso(nowMs - REFUSALS_WINDOW_MS);
  const refusedOf = () =>
    db
      .selectFrom('sync_rejections')
      .innerJoin('sync_clients', 'sync_clients.client_id', 'sync_rejections.client_id')
      .where('sync_rejections.created_at', '>=', since);
  const counts = await refusedOf()
    .select((eb) => ['sync_clients.user_id', eb.fn.countAll<number | string>().as('n'), eb.fn.max('sync_rejections.created_at').as('last_at')])
    .groupBy('sync_clients.user_id')
    .execute();
  const byUser = new Map<string, AdminRefusals>();
  for (const row of counts) {
    const latest = await refusedOf()
      .select('sync_rejections.message')
      .where('sync_clients.user_id', '=', row.user_id)
      .orderBy('sync_rejections.created_at', 'desc')
      .orderBy('sync_rejections.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    byUser.set(row.user_id, { count: Number(row.n), lastAt: row.last_at, lastMessage: latest?.message ?? null });
  }
  return byUser;
}
