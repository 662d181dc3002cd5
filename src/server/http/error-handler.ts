import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { errorBody, REFUSALS } from '../../shared/errors';
import { isStoreUnavailable, isUnstorableValue, UNAVAILABLE_RETRY_AFTER_S } from '../store/faults';
import { HttpError } from './errors';

/**
 * Errors of the store and of Fastify, as the device should read them. A store that cannot serve
 * (a lock or statement timeout, every pooled connection busy, a lost connection) is a 503 with
 * Retry-After, never a 500: the device keeps its data and waits. A value the database refuses
 * to store is the request's fault (400).
 */
function translateError(error: FastifyError): HttpError {
  if (isStoreUnavailable(error)) {
    return new HttpError(503, 'unavailable', undefined, undefined, { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) });
  }
  if (isUnstorableValue(error)) return new HttpError(400, 'bad_request', REFUSALS.valueNotStorable);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return new HttpError(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'bad_request', REFUSALS.bodyNotJson);
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 415) return new HttpError(415, 'unsupported_media_type');
  if (status === 413) return new HttpError(413, 'payload_too_large');
  if (status >= 400 && status < 500) return new HttpError(status, 'bad_request');
  return new HttpError(500, 'internal');
}

/** Every error leaves as `{error: {code, message}}` JSON with a Spanish message. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const httpError = error instanceof HttpError ? error : translateError(error);
    if (httpError.statusCode >= 500) request.log.error({ err: error }, httpError.statusCode === 503 ? 'store unavailable' : 'request failed');
    void reply.code(httpError.statusCode).headers(httpError.headers).type('application/json; charset=utf-8');
    return reply.send(httpError.toBody());
  });
}

/** The JSON 404 for an unknown API route. */
export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('application/json; charset=utf-8').send(errorBody('not_found'));
}
