/**
 * Each request's own deadline for arriving whole (security report L7, #13). Node's request
 * timeout is one figure for every request, so it is set to the longest (the largest photo) and
 * kept only as a backstop; this hook cuts everything else at `requestMs`, and a route marked with
 * `config.slowUploadMaxBytes` (PUT /api/media) at `requestMs` plus its declared bytes at the
 * slowest honest rate: a 1 MiB photo on slow 3G arrives, a body trickled to hold the server is
 * cut with 408 like Node would, in Spanish.
 */
import type { FastifyInstance } from 'fastify';
import { REFUSALS, errorBody } from '../../shared/errors';
import { bodyDeadlineMs, type HttpTimeouts } from '../timeouts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route takes bodies up to this size, each given time for its bytes at the slowest honest rate. */
    slowUploadMaxBytes?: number;
  }
}

/** Node's own 408, with a body that says what happened. */
function timeoutResponse(): string {
  const body = JSON.stringify(errorBody('request_timeout', REFUSALS.bodyTooSlow));
  return `HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The declared length, within the route's limit; the limit when the body is chunked. */
function expectedBytes(header: string | undefined, maxBytes: number): number {
  const declared = Number(header);
  return Number.isFinite(declared) && declared >= 0 ? Math.min(declared, maxBytes) : maxBytes;
}

/** Installs the hook; routes registered after it get their deadline. */
export function installBodyDeadlines(app: FastifyInstance, timeouts: HttpTimeouts): void {
  app.addHook('onRequest', async (request, reply) => {
    const maxBytes = request.routeOptions.config?.slowUploadMaxBytes;
    const deadlineMs = maxBytes === undefined ? timeouts.requestMs : bodyDeadlineMs(timeouts, expectedBytes(request.headers['content-length'], maxBytes));
    const timer = setTimeout(() => {
      // A body that arrived, or an answer already on its way (a refusal before the body), is no trickle.
      if (request.raw.complete || reply.raw.headersSent) return;
      request.log.info({ deadlineMs, url: request.url }, 'request body too slow: cut');
      const socket = request.raw.socket;
      socket.end(timeoutResponse(), () => socket.destroy());
      setTimeout(() => socket.destroy(), 1_000).unref();
    }, deadlineMs);
    timer.unref();
    reply.raw.once('close', () => clearTimeout(timer));
  });
}
