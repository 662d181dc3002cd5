/**
 * Photos as evidence (#13): the limits device and server share. The image itself travels apart
 * from the mutations (`PUT /api/media/<sha256>`), after the text.
 */

/** The largest image the server stores: 1 MiB (the device aims at ~300 KB). */
export const MAX_MEDIA_BYTES = 1024 * 1024;

/** The longest side of a stored photo, in pixels, after the device reduced it. */
export const MAX_PHOTO_SIDE = 1600;

/** The image types the server accepts, as `Content-Type`. */
export const MEDIA_TYPES = ['image/jpeg', 'image/webp'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Whether `value` is a SHA-256 written as 64 lowercase hexadecimal digits (how photos are named). */
export function isSha256(value: string): boolean {
  return SHA256_PATTERN.test(value);
}

/** The path of a photo on the server. */
export function mediaPath(sha256: string): string {
  return `/api/media/${sha256}`;
}
