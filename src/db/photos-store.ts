import type { ChecklistAttachPhotoArgs, ChecklistPhotoRow, ChecklistRemovePhotoArgs } from '../shared/schemas/checklist-photo';
import type { UserDb } from './user-db';

/**
 * A photo of a checklist item as this device holds it: what the mutation said about it, and the
 * image itself as blobs beside it. Taken here: `blob` (the reduced photo) and `thumb` until the
 * server has the bytes, then only `thumb` unless pinned. Pulled from the server (another phone of
 * the same person): no blobs until the thumbnail is downloaded (online only).
 */
export interface LocalPhoto extends Omit<ChecklistPhotoRow, 'eventId' | 'ownerId' | 'updatedAt'> {
  eventId?: string;
  ownerId?: string;
  updatedAt?: string;
  /** The reduced photo (≤ 1,600 px, ≤ 1 MiB). */
  blob?: Blob;
  /** A 320 px thumbnail. */
  thumb?: Blob;
  /** The thumbnail's size, kept beside it so measuring storage reads no blob. */
  thumbBytes?: number;
  /** «Fijar en este teléfono»: the full photo stays here after it reached the server. */
  pinned?: boolean;
  /** The server holds the bytes (uploaded from here, or pulled from there). */
  isOnServer?: boolean;
}

/** The images that travel with `checklist.attachPhoto` on this device only (never in the outbox). */
export interface PhotoBlobs {
  blob: Blob;
  thumb: Blob;
}

/** One photo waiting to be sent to `PUT /api/media/<sha256>`; keyed by photoId. */
export interface MediaUploadRow {
  photoId: string;
  sha256: string;
  queuedAt: string;
  attempts: number;
  /** Epoch ms before which the photo is not tried again (backoff). */
  nextAttemptAt: number;
  /** The last failure, in Spanish, shown on the photo. */
  lastError?: string;
  /** The server refused the bytes for good (400/413/415): not retried until the person asks. */
  isRefused?: boolean;
}

/**
 * `checklist.attachPhoto` locally: the photo shows at once, offline, and its bytes join the
 * upload queue (which survives reloads: it is a table). Call inside a transaction covering
 * `photos` and `mediaUploads`; `blobs` come from the screen (the reduced photo), never the outbox.
 */
export async function applyAttachPhoto(db: UserDb, args: ChecklistAttachPhotoArgs, blobs?: PhotoBlobs): Promise<void> {
  const existing = await db.photos.get(args.photoId);
  const { photoId, takenAt, caption, ...data } = args;
  await db.photos.put({ ...existing, ...data, id: photoId, ...(takenAt ? { takenAt } : {}), ...(caption ? { caption } : {}), ...(blobs ? { ...blobs, thumbBytes: blobs.thumb.size } : {}) });
  if (blobs) {
    await db.mediaUploads.put({ photoId: args.photoId, sha256: args.sha256, queuedAt: new Date(db.now()).toISOString(), attempts: 0, nextAttemptAt: 0 });
  }
}

/** `checklist.removePhoto` locally: the photo and its pending upload leave this device. */
export async function applyRemovePhoto(db: UserDb, args: ChecklistRemovePhotoArgs): Promise<void> {
  await db.photos.delete(args.photoId);
  await db.mediaUploads.delete(args.photoId);
}

/** A pulled photo row: its data from the server, the blobs and pin this device already had. */
export async function applyPulledPhoto(db: UserDb, id: string, row: ChecklistPhotoRow | undefined): Promise<void> {
  if (!row) {
    await db.photos.delete(id);
    await db.mediaUploads.delete(id);
    return;
  }
  const existing = await db.photos.get(id);
  const isPending = (await db.mediaUploads.get(id)) !== undefined;
  // A photo another phone sent is on the server (its bytes go before… or after: `isOnServer` is
  // about where this device may fetch it, and a GET that answers 404 is simply tried later).
  await db.photos.put({ ...existing, ...row, id, isOnServer: existing?.isOnServer ?? !isPending });
}

/** The photos of one checklist run, oldest first by when they were taken. */
export function listRunPhotos(db: UserDb, runId: string): Promise<LocalPhoto[]> {
  return db.photos.where('runId').equals(runId).toArray();
}

/** The server holds the photo's bytes: drop the full image unless pinned, keep the thumbnail. */
export async function markPhotoOnServer(db: UserDb, photoId: string): Promise<void> {
  await db.transaction('rw', db.photos, db.mediaUploads, async () => {
    await db.mediaUploads.delete(photoId);
    await db.photos.where('id').equals(photoId).modify((photo) => {
      photo.isOnServer = true;
      if (!photo.pinned) delete photo.blob;
    });
  });
}

/** «Fijar en este teléfono» (or undo it): a pinned photo keeps its full image here after upload. */
export async function setPhotoPinned(db: UserDb, photoId: string, pinned: boolean, fullImage?: Blob): Promise<void> {
  await db.photos.where('id').equals(photoId).modify((photo) => {
    photo.pinned = pinned;
    if (pinned && fullImage) photo.blob = fullImage;
    if (!pinned && photo.isOnServer) delete photo.blob;
  });
}

/** Stores images downloaded from the server for a photo this device did not take. */
export async function keepDownloadedImages(db: UserDb, photoId: string, images: { thumb: Blob; blob?: Blob }): Promise<void> {
  await db.photos.where('id').equals(photoId).modify((photo) => {
    photo.thumb = images.thumb;
    photo.thumbBytes = images.thumb.size;
    if (images.blob) photo.blob = images.blob;
  });
}

/** How many bytes the photos take on this device (full images and thumbnails). */
export async function measurePhotoBytes(db: UserDb): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  await db.photos.each((photo) => {
    count += 1;
    // `bytes` is the full image's size, as hashed and sent.
    bytes += (photo.blob ? photo.bytes : 0) + (photo.thumb ? (photo.thumbBytes ?? 0) : 0);
  });
  return { count, bytes };
}
