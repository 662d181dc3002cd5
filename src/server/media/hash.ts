import { createHash } from 'node:crypto';

/** SHA-256 of bytes as 64 lowercase hex digits: the name of a photo. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
