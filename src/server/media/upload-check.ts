import { REFUSALS } from '../../shared/errors';
import type { MediaType } from '../../shared/media';
import { HttpError } from '../http/errors';
import { sha256Hex } from './hash';
import { detectImageType } from './image-type';
import { findLocationMetadata } from './location-metadata';

/**
 * The rules an uploaded photo meets before it is stored, in order: an image by its declared type
 * AND its own bytes (415), the bytes the hash names (400), no location left in it (400). Returns
 * the type to store it as.
 */
export function checkUploadedPhoto(sha256: string, declared: MediaType | undefined, body: unknown): MediaType {
  if (!Buffer.isBuffer(body) || !declared || detectImageType(body) !== declared) {
    throw new HttpError(415, 'unsupported_media_type', REFUSALS.mediaNotImage);
  }
  if (sha256Hex(body) !== sha256) throw new HttpError(400, 'bad_request', REFUSALS.mediaHashMismatch);
  const location = findLocationMetadata(body, declared);
  if (location === 'gps') throw new HttpError(400, 'bad_request', REFUSALS.mediaHasLocation);
  if (location === 'unreadable') throw new HttpError(400, 'bad_request', REFUSALS.mediaMetadataUnreadable);
  return declared;
}
