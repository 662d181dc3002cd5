/**
 * Photos as evidence on checklist items (issue 15, #13): chosen on the phone, reduced here,
 * stored beside their item, sent after the text. Everything but downloading works offline.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../../db/connection';
import { listUploads, retryUploadNow } from '../../db/media-uploads-store';
import { keepDownloadedImages, listRunPhotos, measurePhotoBytes, setPhotoPinned, type LocalPhoto, type MediaUploadRow } from '../../db/photos-store';
import { recordMutation } from '../../db/record-mutation';
import { requestMedia } from '../../sync/media-download';
import { uuidv7 } from '../../shared/ids';
import { t } from '../../shared/i18n/checklists';
import { StorageError } from '../../db/storage-errors';
import { ValidationError } from '../../db/record-mutation';
import { keyedLiveSignal, liveSignal } from '../live-signal';
import { fitWithin, NotAnImageError, PhotoTooLargeError, reducePhoto, THUMB_LONG_SIDE } from './photo-resize';

/** A photo as a screen shows it: its data, its images, and where its upload stands. */
export interface PhotoView extends LocalPhoto {
  /** `waiting`: queued; `failing`: tried ≥ 2 times and still failing; `refused`: the server will not take it; `sent`: on the server. */
  upload: 'waiting' | 'failing' | 'refused' | 'sent' | 'none';
  uploadError?: string;
}

/** Tries of one photo before it is shown as failing. */
const FAILING_AFTER = 2;

function describeUpload(photo: LocalPhoto, row: MediaUploadRow | undefined): Pick<PhotoView, 'upload' | 'uploadError'> {
  if (!row) return { upload: photo.isOnServer ? 'sent' : 'none' };
  const error = row.lastError ? { uploadError: row.lastError } : {};
  if (row.isRefused) return { upload: 'refused', ...error };
  return { upload: row.attempts >= FAILING_AFTER ? 'failing' : 'waiting', ...error };
}

/** The photos of a run with their upload state, in the order they were taken. */
export async function readRunPhotos(runId: string): Promise<PhotoView[]> {
  const db = getDatabases().user;
  const [photos, uploads] = await Promise.all([listRunPhotos(db, runId), listUploads(db)]);
  const byPhoto = new Map(uploads.map((row) => [row.photoId, row]));
  return photos
    .map((photo) => ({ ...photo, ...describeUpload(photo, byPhoto.get(photo.id)) }))
    .sort((a, b) => (a.takenAt ?? '').localeCompare(b.takenAt ?? '') || a.id.localeCompare(b.id));
}

/** The photos of a run, live (a pull, an upload or a local change re-reads them). */
export const watchRunPhotos: (runId: string) => ReadonlySignal<PhotoView[]> = keyedLiveSignal(readRunPhotos, []);

const NO_PHOTOS: readonly PhotoView[] = Object.freeze([]);
/** Per run signal (so a reset of the live signals forgets these too), one computed per item. */
const itemSignals = new WeakMap<ReadonlySignal<PhotoView[]>, Map<string, ReadonlySignal<readonly PhotoView[]>>>();

/**
 * The photos of one item, live. An item with none reads the same frozen empty list every time,
 * so a change to another item's photos re-renders none of the 300 items without photos.
 */
export function watchItemPhotos(runId: string, itemId: string): ReadonlySignal<readonly PhotoView[]> {
  const run = watchRunPhotos(runId);
  let items = itemSignals.get(run);
  if (!items) itemSignals.set(run, (items = new Map()));
  let watched = items.get(itemId);
  if (!watched) {
    watched = computed(() => {
      const photos = run.value.filter((photo) => photo.itemId === itemId);
      return photos.length ? photos : NO_PHOTOS;
    });
    items.set(itemId, watched);
  }
  return watched;
}

/** How many photos this phone holds, what they weigh and how many wait to be sent, live (the Storage screen). */
export const photoStorage: ReadonlySignal<{ count: number; bytes: number; waiting: number }> = liveSignal(async () => {
  const db = getDatabases().user;
  const [measured, waiting] = await Promise.all([measurePhotoBytes(db), db.mediaUploads.filter((row) => !row.isRefused).count()]);
  return { ...measured, waiting };
}, { count: 0, bytes: 0, waiting: 0 });

/** What happened to one chosen file. */
export type AddOutcome = { ok: true; photoId: string } | { ok: false; name: string; message: string };

/**
 * Reduces each chosen file and attaches it to the item: the photo and its mutation in one
 * transaction, its bytes queued for upload. Offline it is all local. One failing file (not an
 * image, too large) is told and does not stop the others. `onProgress` says how many are done.
 */
export async function addPhotos(runId: string, itemId: string, files: readonly File[], caption?: string, onProgress?: (done: number) => void): Promise<AddOutcome[]> {
  const db = getDatabases().user;
  const outcomes: AddOutcome[] = [];
  const text = caption?.trim();
  for (const file of files) {
    try {
      const started = performance.now();
      const photo = await reducePhoto(file);
      // The bench reads this: decoding, resizing, encoding and hashing one chosen photo.
      performance.measure('tinkuy:photo-reduce', { start: started, end: performance.now() });
      const photoId = uuidv7();
      const args = {
        runId, itemId, photoId, sha256: photo.sha256, width: photo.width, height: photo.height, bytes: photo.bytes,
        ...(photo.takenAt ? { takenAt: photo.takenAt } : {}), ...(text ? { caption: text } : {}),
      };
      await recordMutation(db, 'checklist.attachPhoto', args, { blob: photo.blob, thumb: photo.thumb });
      outcomes.push({ ok: true, photoId });
    } catch (error) {
      outcomes.push({ ok: false, name: file.name, message: describeAddError(error) });
    }
    onProgress?.(outcomes.length);
  }
  return outcomes;
}

function describeAddError(error: unknown): string {
  if (error instanceof NotAnImageError) return t('photos.error.notImage');
  if (error instanceof PhotoTooLargeError) return t('photos.error.tooLarge');
  // A full phone (quota) and a refused field say why in Spanish; anything else is a plain failure.
  return error instanceof StorageError || error instanceof ValidationError ? error.message : t('photos.error.unexpected');
}

/** Removes a photo from its item (a mutation; its image leaves this phone at once). */
export async function removePhoto(photo: Pick<LocalPhoto, 'id' | 'runId' | 'itemId'>): Promise<void> {
  await recordMutation(getDatabases().user, 'checklist.removePhoto', { runId: photo.runId, itemId: photo.itemId, photoId: photo.id });
}

/**
 * «Fijar en este teléfono»: the full photo stays here once on the server. A photo whose full
 * image already left this phone is downloaded again (online only; false when that failed).
 */
export async function pinPhoto(photo: LocalPhoto, pinned: boolean): Promise<boolean> {
  const db = getDatabases().user;
  if (!pinned || photo.blob) {
    await setPhotoPinned(db, photo.id, pinned);
    return true;
  }
  const blob = await requestMedia(photo.sha256);
  if (!blob) return false;
  await setPhotoPinned(db, photo.id, true, blob);
  return true;
}

/** «Reintentar» on a photo whose upload failed or was refused. */
export async function retryPhotoUpload(photoId: string): Promise<void> {
  await retryUploadNow(getDatabases().user, photoId);
}

/** A thumbnail of an image blob (for photos this phone did not take). */
async function makeThumbnail(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const size = fitWithin(bitmap.width, bitmap.height, THUMB_LONG_SIDE);
  const canvas = new OffscreenCanvas(size.width, size.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
}

const inFlight = new Set<string>();

/**
 * Photos another phone of this person took arrive as data only: while online, their images are
 * downloaded (`GET /api/media/<sha256>`) and kept as a thumbnail (and the full image if pinned).
 * Offline, or while the server does not have the bytes yet, they wait and show as such.
 */
export async function fetchMissingThumbnails(photos: readonly LocalPhoto[]): Promise<void> {
  const db = getDatabases().user;
  for (const photo of photos) {
    if (photo.thumb || inFlight.has(photo.id)) continue;
    inFlight.add(photo.id);
    try {
      const blob = await requestMedia(photo.sha256);
      if (blob) await keepDownloadedImages(db, photo.id, { thumb: await makeThumbnail(blob), ...(photo.pinned ? { blob } : {}) });
    } catch {
      // An image the browser cannot read stays without a thumbnail; nothing else depends on it.
    } finally {
      inFlight.delete(photo.id);
    }
  }
}
