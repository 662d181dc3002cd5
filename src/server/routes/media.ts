import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REFUSALS } from '../../shared/errors';
import { isSha256, MAX_MEDIA_BYTES, MEDIA_TYPES, type MediaType } from '../../shared/media';
import { requireCaller } from '../auth/guard';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import type { MediaStore } from '../media/media-store';
import { sweepUnreferencedMedia } from '../media/media-erasure';
import { assertWithinQuota, takeUploadAllowance, type MediaLimits } from '../media/media-limits';
import { findPhotoAccess, isAttachedBy, recordHolder } from '../media/photo-access';
import { checkUploadedPhoto } from '../media/upload-check';

type MediaRequest = FastifyRequest<{ Params: { sha256: string } }>;

/** The hash in the path, or a 400 (before the body is read). */
function readSha256(request: MediaRequest): string {
  const { sha256 } = request.params;
  if (!isSha256(sha256)) throw new HttpError(400, 'bad_request', REFUSALS.mediaBadName);
  return sha256;
}

/** The declared type without its parameters, when it is one of ours. */
function readDeclaredType(request: FastifyRequest): MediaType | undefined {
  const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return (MEDIA_TYPES as readonly string[]).includes(declared) ? (declared as MediaType) : undefined;
}

/** The declared size; a chunked body counts as the largest photo (the body limit holds it to that). */
function readDeclaredLength(request: FastifyRequest): number {
  const declared = Number(request.headers['content-length']);
  return Number.isInteger(declared) && declared >= 0 ? Math.min(declared, MAX_MEDIA_BYTES) : MAX_MEDIA_BYTES;
}

/** How often the bytes of removed photos are deleted. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** A year: the bytes behind a hash never change. Private: only the signed-in reader's own cache. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

/**
 * `PUT /api/media/<sha256>` and `GET /api/media/<sha256>` (#13): a photo's bytes, apart from the
 * mutation that attaches it. Registered in their own scope: the body is raw bytes (any declared
 * type reaches the handler, which answers 415 in words), at most 1 MiB; an upload has the request
 * deadline plus time for its bytes at TINKUY_UPLOAD_MIN_BYTES_PER_SECOND (http/body-deadline.ts),
 * so a trickle is cut and a full photo on slow 3G is not. Each account has a quota of bytes and
 * of uploads per minute (media/media-limits.ts).
 */
export async function registerMediaRoutes(app: FastifyInstance, ctx: AppContext, media: MediaStore, limits: MediaLimits): Promise<void> {
  const callers = new WeakMap<FastifyRequest, AuthUser>();
  const sweep = () => void sweepUnreferencedMedia(ctx.db, ctx.engine, media).catch((error: unknown) => app.log.warn({ err: error }, 'photo sweep failed'));
  const timer = setInterval(sweep, SWEEP_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES }, (_request, body, done) => done(null, body));
    // Over the limit is a photo too big, not a batch to split (the general 413 says that).
    scope.setErrorHandler((error, _request, _reply) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new HttpError(413, 'payload_too_large', REFUSALS.mediaTooLarge);
      throw error;
    });

    scope.put<{ Params: { sha256: string } }>('/api/media/:sha256', {
      config: { slowUploadMaxBytes: MAX_MEDIA_BYTES },
      // Everything that needs no body is judged before a byte of it is read: on 3G a refused
      // photo should cost nothing but the headers.
      onRequest: async (request) => {
        const caller = await requireCaller(ctx, request);
        const sha256 = readSha256(request);
        await takeUploadAllowance(ctx.db, caller.id, ctx.now(), limits);
        if (!(await isAttachedBy(ctx.db, caller, sha256))) throw new HttpError(409, 'conflict', REFUSALS.mediaNotAttached);
        await assertWithinQuota(ctx.db, caller.id, sha256, readDeclaredLength(request), limits);
        callers.set(request, caller);
      },
    }, async function handlePutMedia(request, reply) {
      const sha256 = readSha256(request);
      const caller = callers.get(request)!;
      const type = checkUploadedPhoto(sha256, readDeclaredType(request), request.body);
      const nowIso = new Date(ctx.now()).toISOString();
      const stored = await media.put(sha256, type, request.body as Buffer, nowIso);
      await recordHolder(ctx.db, caller, sha256, (request.body as Buffer).length, nowIso);
      request.log.info({ bytes: (request.body as Buffer).length, stored, by: caller.id }, 'photo received');
      return reply.code(stored ? 201 : 200).header('Cache-Control', 'no-store').send({ sha256, stored });
    });

    scope.get<{ Params: { sha256: string } }>('/api/media/:sha256', async function handleGetMedia(request, reply) {
      const caller = await requireCaller(ctx, request);
      const sha256 = readSha256(request);
      // Someone else's photo and no photo at all get the same answer: a hash says nothing.
      const access = await findPhotoAccess(ctx.db, caller, sha256);
      if (access === 'none') throw new HttpError(404, 'not_found', REFUSALS.mediaNotFound);
      if (access === 'wait') throw new HttpError(404, 'not_found', REFUSALS.mediaNotArrived);
      const etag = `"${sha256}"`;
      const cacheHeaders = { 'cache-control': IMMUTABLE, etag, vary: 'Authorization' };
      // The reader's cached copy is these very bytes: no need to read them to say so.
      if (request.headers['if-none-match'] === etag) return reply.code(304).headers(cacheHeaders).send();
      const image = await media.get(sha256);
      if (!image) throw new HttpError(404, 'not_found', REFUSALS.mediaNotArrived);
      return reply.headers(cacheHeaders).type(image.type).send(image.bytes);
    });
  });
}
