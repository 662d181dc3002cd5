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

/** Per user, the changes refused to their phones within REFUSALS_WINDOW_MS: how many, the latest and why. */
export async function readRefusalsByUser(db: Kysely<Database>, nowMs: number): Promise<Map<string, AdminRefusals>> {
  const rows = await db
    .selectFrom('sync_rejections')
    .innerJoin('sync_clients', 'sync_clients.client_id', 'sync_rejections.client_id')
    .select(['sync_clients.user_id', 'sync_rejections.created_at', 'sync_rejections.message', 'sync_rejections.seq'])
    .where('sync_rejections.created_at', '>=', iso(nowMs - REFUSALS_WINDOW_MS))
    .orderBy('sync_rejections.created_at', 'desc')
    .orderBy('sync_rejections.seq', 'desc')
    .execute();
  const byUser = new Map<string, AdminRefusals>();
  for (const row of rows) {
    const seen = byUser.get(row.user_id);
    if (seen) seen.count += 1;
    else byUser.set(row.user_id, { count: 1, lastAt: row.created_at, lastMessage: row.message });
  }
  return byUser;
}
