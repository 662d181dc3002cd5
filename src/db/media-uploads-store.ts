import type { MediaUploadRow } from './photos-store';
import type { UserDb } from './user-db';

/**
 * The photo to upload next: the oldest queued one that is due and not refused for good, leaving
 * out the images already being sent (`sending`, by SHA-256: the same picture on two items goes once).
 */
export async function findNextUpload(db: UserDb, nowMs: number, sending: ReadonlySet<string> = new Set()): Promise<{ upload: MediaUploadRow; blob: Blob } | undefined> {
  const due = await db.mediaUploads.orderBy('queuedAt').filter((row) => !row.isRefused && row.nextAttemptAt <= nowMs && !sending.has(row.sha256)).toArray();
  for (const upload of due) {
    const photo = await db.photos.get(upload.photoId);
    if (photo?.blob) return { upload, blob: photo.blob };
    // The photo left (removed) or its image is gone: nothing to send.
    await db.mediaUploads.delete(upload.photoId);
  }
  return undefined;
}

/** The queued photo that falls due first (not refused for good), or undefined when none waits. */
export async function findNextDueAt(db: UserDb): Promise<MediaUploadRow | undefined> {
  const rows = await db.mediaUploads.filter((row) => !row.isRefused).toArray();
  return rows.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)[0];
}

/** Records a failed try: its Spanish reason, the next time it is due; `isRefused` stops retries. */
export async function recordUploadFailure(db: UserDb, photoId: string, failure: { message: string; retryInMs?: number; isRefused?: boolean }): Promise<void> {
  await db.mediaUploads.where('photoId').equals(photoId).modify((row) => {
    row.attempts += 1;
    row.lastError = failure.message;
    row.nextAttemptAt = db.now() + (failure.retryInMs ?? 0);
    if (failure.isRefused) row.isRefused = true;
  });
}

/** «Reintentar»: a photo refused or waiting goes back to the queue at once. */
export async function retryUploadNow(db: UserDb, photoId: string): Promise<void> {
  await db.mediaUploads.where('photoId').equals(photoId).modify((row) => {
    row.nextAttemptAt = 0;
    delete row.isRefused;
  });
}

/** Every queued upload (the photo screens show each one's state). */
export function listUploads(db: UserDb): Promise<MediaUploadRow[]> {
  return db.mediaUploads.toArray();
}
