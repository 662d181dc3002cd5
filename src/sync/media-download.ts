import { requestBlob } from './api-client';

/**
 * `GET /api/media/<sha256>`: a photo's bytes from the server, with the session's token (never in
 * the URL, so no <img src> straight to the API). Undefined when offline, not allowed, or not
 * there yet (its phone has not sent it); the caller tries again later.
 */
export async function requestMedia(sha256: string): Promise<Blob | undefined> {
  const result = await requestBlob(`/api/media/${sha256}`);
  return result.ok ? result.body : undefined;
}
