import type { MediaType } from '../../shared/media';

/**
 * The image type the bytes themselves say they are, by their magic numbers: JPEG starts with
 * FF D8 FF; WebP is a RIFF file whose form type is `WEBP`. Undefined for anything else, whatever
 * `Content-Type` the client declared.
 */
export function detectImageType(bytes: Buffer): MediaType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
