import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_BYTES, PullQuery, PushRequest } from '../../shared/protocol';
import { findCaller } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { readPullPage } from '../sync/pull';
import { applyPush } from '../sync/push';

/** Push and pull. Routes only parse and hand over; the protocol lives in sync/. */
export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  // bodyLimit counts decompressed bytes: @fastify/compress inflates gzip before Fastify reads.
  app.post('/api/sync/push', { bodyLimit: MAX_PUSH_BYTES }, async function handlePush(request, reply) {
    const caller = await findCaller(ctx, request);
    if (!caller) {
      // HOOK: participants (no account) will push attendance.register / feedback.submit with a
      // workshop's public code. That issue parses the batch here and accepts it when every
      // mutation carries a valid code, rate-limited by address. Until then: 401 before anything
      // else, and the device keeps its outbox and asks for a login.
      throw new HttpError(401, 'unauthorized');
    }
    const body = parseOrThrow(PushRequest, request.body);
    const result = await applyPush(ctx, caller, body);
    return reply.header('Cache-Control', 'no-store').send(result);
  });

  app.get('/api/sync/pull', async function handlePull(request, reply) {
    const query = parseOrThrow(PullQuery, request.query);
    const caller = await findCaller(ctx, request);
    if (query.scope === 'user' && !caller) throw new HttpError(401, 'unauthorized');
    const page = await readPullPage(ctx, caller, query);
    return reply.header('Cache-Control', 'no-store').send(page);
  });
}
