import { readExifTakenAt, readJpegHeader } from '../../shared/photos/jpeg-segments';

/**
 * Reduces a photo on the device before anything stores it, with the browser's own decoder and
 * canvas (no library to download: createImageBitmap resizes natively, the canvas re-encodes).
 * Re-encoding writes pixels only, so every metadata block of the original (EXIF with GPS and the
 * device's serial, XMP, IPTC) is gone from the result; the moment the photo was taken is read
 * first and kept as data. Works offline: nothing here touches the network.
 */

/** The long side of a stored photo. */
export const PHOTO_LONG_SIDE = 1600;
/** The long side of a thumbnail (two columns of 160 px at 2× on a 360 px phone). */
export const THUMB_LONG_SIDE = 320;
/** What a typical photo should weigh once reduced. */
export const TYPICAL_MAX_BYTES = 300 * 1024;
/** What no stored photo may weigh (the server refuses more with 413). */
export const HARD_MAX_BYTES = 1024 * 1024;

/** JPEG qualities tried in turn until the photo weighs ≤ TYPICAL_MAX_BYTES; text stays sharp down to 0.6. */
const QUALITIES = [0.82, 0.72, 0.62] as const;
/** Below the last quality the photo is made smaller instead (at most this many times), never blurrier. */
const SHRINK_STEPS = 4;

/** A photo ready to store: the reduced image, its thumbnail, and what the mutation says about it. */
export interface ReducedPhoto {
  blob: Blob;
  thumb: Blob;
  type: 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  /** ISO time in UTC: from the camera's EXIF when it has one, else the file's date. */
  takenAt?: string;
}

/** Draws a decoded image at a size and encodes it (the browser part, swapped in unit tests). */
export type Encoder = (width: number, height: number, quality: number) => Promise<Blob>;

/** The size that fits `longSide` keeping the proportions; never enlarges. */
export function fitWithin(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Encodes at the first quality that makes ≤ TYPICAL_MAX_BYTES; if none does, keeps the last
 * quality's result when it is ≤ HARD_MAX_BYTES, else shrinks the size by a fifth and tries again.
 * Throws when even the smallest try is over HARD_MAX_BYTES (a picture of noise).
 */
export async function encodeWithinBudget(width: number, height: number, encode: Encoder): Promise<{ blob: Blob; width: number; height: number }> {
  let size = { width, height };
  for (let step = 0; step <= SHRINK_STEPS; step += 1) {
    let last: Blob | undefined;
    for (const quality of QUALITIES) {
      last = await encode(size.width, size.height, quality);
      if (last.size <= TYPICAL_MAX_BYTES) return { blob: last, ...size };
    }
    if (last && last.size <= HARD_MAX_BYTES) return { blob: last, ...size };
    size = fitWithin(size.width, size.height, Math.round(Math.max(size.width, size.height) * 0.8));
  }
  throw new PhotoTooLargeError();
}

/** A photo that cannot be brought under 1 MiB. */
export class PhotoTooLargeError extends Error {
  constructor() {
    super('photo_too_large');
    this.name = 'PhotoTooLargeError';
  }
}

/** A file the browser cannot decode as an image. */
export class NotAnImageError extends Error {
  constructor() {
    super('not_an_image');
    this.name = 'NotAnImageError';
  }
}

/** Hex SHA-256 of a blob's bytes (the photo's name on the server). */
export async function hashBlob(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A canvas of the given size: an OffscreenCanvas where the browser has one. */
function makeCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Encodes a canvas as JPEG (OffscreenCanvas.convertToBlob, or toBlob on an element). */
function encodeCanvas(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', quality));
}

/** An Encoder over a decoded bitmap: resized by the browser's decoder, drawn on white (no alpha in JPEG). */
function bitmapEncoder(source: ImageBitmap): Encoder {
  return async (width, height, quality) => {
    const scaled = width === source.width && height === source.height
      ? source
      : await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    const canvas = makeCanvas(width, height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) throw new Error('canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(scaled, 0, 0, width, height);
    if (scaled !== source) scaled.close();
    return encodeCanvas(canvas, quality);
  };
}

/** The first bytes of a JPEG (its EXIF block and frame header sit there), or undefined for other types. */
async function readJpegHead(file: File): Promise<Uint8Array | undefined> {
  if (file.type !== 'image/jpeg' && !/\.jpe?g$/i.test(file.name)) return undefined;
  return new Uint8Array(await file.slice(0, 128 * 1024).arrayBuffer());
}

/** The time a photo was taken: EXIF DateTimeOriginal (JPEG), else the file's own date. */
function readTakenAt(file: File, head: Uint8Array | undefined): string | undefined {
  const fromExif = head ? readExifTakenAt(head) : undefined;
  if (fromExif) return fromExif;
  return file.lastModified > 0 ? new Date(file.lastModified).toISOString() : undefined;
}

/**
 * Decodes the file at its stored size. An upright JPEG whose header gives its size is decoded
 * straight to ≤ 1,600 px (no 12 MP bitmap in memory, one pass); any other image (PNG, WebP, a JPEG
 * the camera stored turned) is decoded upright at full size, then resized.
 */
async function decodeReduced(file: File, head: Uint8Array | undefined): Promise<ImageBitmap> {
  const header = head ? readJpegHeader(head) : undefined;
  try {
    if (header && header.orientation === 1) {
      const target = fitWithin(header.width, header.height, PHOTO_LONG_SIDE);
      return await createImageBitmap(file, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
    }
    const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const target = fitWithin(full.width, full.height, PHOTO_LONG_SIDE);
    if (target.width === full.width && target.height === full.height) return full;
    const reduced = await createImageBitmap(full, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
    full.close();
    return reduced;
  } catch {
    throw new NotAnImageError();
  }
}

/**
 * Reduces one chosen photo: decode (upright by its EXIF orientation), resize to ≤ 1,600 px on the
 * long side, encode as JPEG within budget, make a 320 px thumbnail, hash the result.
 * Throws NotAnImageError for a file the browser cannot read as an image, PhotoTooLargeError
 * when it cannot be brought under 1 MiB.
 */
export async function reducePhoto(file: File): Promise<ReducedPhoto> {
  const head = await readJpegHead(file);
  const takenAt = readTakenAt(file, head);
  const stored = await decodeReduced(file, head);
  try {
    const encode = bitmapEncoder(stored);
    const main = await encodeWithinBudget(stored.width, stored.height, encode);
    const thumbSize = fitWithin(stored.width, stored.height, THUMB_LONG_SIDE);
    const thumb = await encode(thumbSize.width, thumbSize.height, 0.7);
    return {
      blob: main.blob, thumb, type: 'image/jpeg', width: main.width, height: main.height, bytes: main.blob.size,
      sha256: await hashBlob(main.blob), ...(takenAt ? { takenAt } : {}),
    };
  } finally {
    stored.close();
  }
}
