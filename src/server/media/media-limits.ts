/**
 * What one account may put on the server's disk (#13): a total of photo bytes (the quota), and a
 * number of uploads per minute, counted in the database so every server process shares it
 * (request-counters.ts). Both are generous for real use — a 2 GiB quota holds ~7,000 photos of
 * 300 KB; 30 uploads a minute is faster than 3G sends them — and stop a gestor's account, or a
 * stolen session, from filling the disk. Past the rate the phone is told when to try again
 * (429, Retry-After) and does; past the quota it is told why, in words a manager understands.
 */
import type { Kysely } from 'kysely';
import { describeMediaQuotaFull, describeTooManyPhotos } from '../../shared/errors';
import { HttpError } from '../http/errors';
import { addToCounter } from '../store/request-counters';
import type { Database } from '../store/schema';

export interface MediaLimits {
  /** Bytes of photos one account may have sent (TINKUY_MEDIA_QUOTA_MB). */
  quotaBytes: number;
  /** Uploads one account may start per minute (TINKUY_MEDIA_UPLOADS_PER_MINUTE). */
  uploadsPerMinute: number;
}

const MB = 1024 * 1024;

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { quotaBytes: 2048 * MB, uploadsPerMinute: 30 };

/** One minute: the participants' counters are pruned past this age, so no window here is longer. */
const UPLOAD_WINDOW_MS = 60_000;

function readPositiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} no válido: "${raw}" (se espera un número entero mayor que 0).`);
  return value;
}

/** TINKUY_MEDIA_QUOTA_MB, TINKUY_MEDIA_UPLOADS_PER_MINUTE. */
export function readMediaLimits(env: Record<string, string | undefined>): MediaLimits {
  return {
    quotaBytes: readPositiveInt(env, 'TINKUY_MEDIA_QUOTA_MB', DEFAULT_MEDIA_LIMITS.quotaBytes / MB) * MB,
    uploadsPerMinute: readPositiveInt(env, 'TINKUY_MEDIA_UPLOADS_PER_MINUTE', DEFAULT_MEDIA_LIMITS.uploadsPerMinute),
  };
}

/** Counts one upload by `userId`; past the limit a 429 with Retry-After (the rest of the minute). */
export async function takeUploadAllowance(db: Kysely<Database>, userId: string, nowMs: number, limits: MediaLimits): Promise<void> {
  const reading = await addToCounter(db, `media-upload:${userId}`, 1, nowMs, UPLOAD_WINDOW_MS);
  if (reading.count <= limits.uploadsPerMinute) return;
  const seconds = reading.retryAfterSeconds;
  throw new HttpError(429, 'rate_limited', describeTooManyPhotos(seconds), undefined, { 'Retry-After': String(seconds) });
}

/**
 * A 413 when `bytes` more would take the account past its quota. An image the account already
 * sent adds nothing (the upload is a repeat). Two uploads at the same instant may both pass:
 * the quota can be passed by at most the photos in flight, each ≤ 1 MiB.
 */
export async function assertWithinQuota(db: Kysely<Database>, userId: string, sha256: string, bytes: number, limits: MediaLimits): Promise<void> {
  const held = await db.selectFrom('media_holders').select('sha256').where('user_id', '=', userId).where('sha256', '=', sha256).executeTakeFirst();
  if (held) return;
  const row = await db.selectFrom('media_holders').select((eb) => eb.fn.sum<string | number | null>('bytes').as('used')).where('user_id', '=', userId).executeTakeFirst();
  const used = Number(row?.used ?? 0);
  if (used + bytes <= limits.quotaBytes) return;
  throw new HttpError(413, 'payload_too_large', describeMediaQuotaFull(Math.ceil(used / MB), Math.floor(limits.quotaBytes / MB)));
}
