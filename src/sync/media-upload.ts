import { findNextDueAt, findNextUpload, recordUploadFailure } from '../db/media-uploads-store';
import { markPhotoOnServer } from '../db/photos-store';
import { ERROR_MESSAGES } from '../shared/errors';
import { classifyFailure, computeBackoffMs, type SyncOutcome } from './retry-policy';
import { readErrorBody } from './transport';
import { isOutcome, sendAuthorised, type RoundState, type SyncContext } from './sync-context';

/**
 * The photos' own queue (#13): after the text, one photo per request to `PUT /api/media/<sha256>`.
 * Text never waits behind a photo: before each photo the outbox is looked at, and a change
 * written meanwhile stops the photos (`busy`) so the round drains it first. A 429 or 503 (the
 * server's rate limit, a restart) waits for its Retry-After and backoff, never refused for good. A photo that fails
 * waits with a backoff of its own (kept in its queue row, so a reload keeps it); one the server
 * refuses for good (400, 413, 415) stays on the phone, shown as such, until the person retries.
 */

/** How photo sending ended: every due photo sent, a change to push first, or a failure to retry later. */
export type MediaOutcome = { kind: 'busy' } | SyncOutcome;

/** Statuses the server gives to a photo it will never take as it is. */
const REFUSED = new Set([400, 403, 404, 409, 413, 415, 422]);

/** Uploads one photo; returns what happened to it. */
async function sendOne(ctx: SyncContext, round: RoundState, photoId: string, sha256: string, blob: Blob): Promise<'sent' | SyncOutcome> {
  const response = await sendAuthorised(ctx, round, (token) =>
    ctx.transport(`/api/media/${sha256}`, { method: 'PUT', body: blob, headers: { authorization: `Bearer ${token}`, 'content-type': blob.type || 'image/jpeg' } }),
  );
  const attempts = ((await ctx.user.mediaUploads.get(photoId))?.attempts ?? 0) + 1;
  if (isOutcome(response)) {
    if (response.kind === 'transient') await recordUploadFailure(ctx.user, photoId, { message: response.message, retryInMs: computeBackoffMs(attempts, ctx.random) });
    return response;
  }
  if (response.ok) {
    // Every photo of this image (the same picture on two items) is on the server now.
    const sameImage = await ctx.user.mediaUploads.where('sha256').equals(sha256).primaryKeys();
    for (const id of new Set([photoId, ...sameImage])) await markPhotoOnServer(ctx.user, id);
    return 'sent';
  }
  if (REFUSED.has(response.status)) {
    const error = await readErrorBody(response);
    await recordUploadFailure(ctx.user, photoId, { message: error?.message ?? ERROR_MESSAGES.bad_request, isRefused: true });
    return 'sent'; // this one is settled (refused, shown); the next photo may go
  }
  // A body cut for arriving too slowly (408) is a bad moment of the network: tried again later.
  const outcome: SyncOutcome = response.status === 408
    ? { kind: 'transient', code: 'network', message: ERROR_MESSAGES.request_timeout }
    : await classifyFailure(response, ctx.user.now());
  const retryInMs = Math.max(outcome.kind === 'transient' ? (outcome.retryAfterMs ?? 0) : 0, computeBackoffMs(attempts, ctx.random));
  await recordUploadFailure(ctx.user, photoId, { message: 'message' in outcome ? outcome.message : ERROR_MESSAGES.unavailable, retryInMs });
  return outcome;
}

/** Photos sent at once: two hide one round trip of latency (Slow 4G's ~560 ms) behind the other's bytes. */
export const MAX_PHOTOS_IN_FLIGHT = 2;

/**
 * Sends the due photos, at most two at a time, while the outbox stays empty: before each photo
 * starts the outbox is looked at, so a change written meanwhile waits behind at most the photos
 * already on the wire. A photo still waiting out its backoff makes the round end as transient,
 * with its wait as Retry-After, so the scheduler wakes for it; the text is in sync by then, and
 * its status word stays the photo's last failure. The first photo that does not go ends the round
 * once the one beside it has finished.
 */
export async function sendQueuedPhotos(ctx: SyncContext, round: RoundState): Promise<MediaOutcome> {
  const sending = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let stop: MediaOutcome | undefined;
  const start = (photoId: string, sha256: string, blob: Blob) => {
    sending.add(sha256);
    const task = sendOne(ctx, round, photoId, sha256, blob).then(async (result) => {
      if (result === 'sent' || stop) return;
      if (result.kind !== 'transient') { stop = result; return; }
      const row = await ctx.user.mediaUploads.get(photoId);
      stop ??= { ...result, retryAfterMs: Math.max(0, (row?.nextAttemptAt ?? 0) - ctx.user.now()) };
    }).finally(() => {
      sending.delete(sha256);
      inFlight.delete(task);
    });
    inFlight.add(task);
  };
  for (;;) {
    while (!stop && inFlight.size < MAX_PHOTOS_IN_FLIGHT) {
      if ((await ctx.user.outbox.count()) > 0) { stop = { kind: 'busy' }; break; }
      const next = await findNextUpload(ctx.user, ctx.user.now(), sending);
      if (!next) break;
      start(next.upload.photoId, next.upload.sha256, next.blob);
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  if (stop) return stop;
  const waiting = await findNextDueAt(ctx.user);
  if (!waiting) return { kind: 'done' };
  return { kind: 'transient', code: 'unavailable', message: waiting.lastError ?? ERROR_MESSAGES.unavailable, retryAfterMs: Math.max(0, waiting.nextAttemptAt - ctx.user.now()) };
}
