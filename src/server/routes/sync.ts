import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HeadQuery, MAX_PUSH_BYTES, PullQuery, PushRequest, type HeadResponse, type PushResponse } from '../../shared/protocol';
import { createSyncStamper } from '../admin/sync-activity';
import { findCaller } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { readNewScopes } from '../sync/head';
import { readPullPage } from '../sync/pull';
import { applyPush } from '../sync/push';
import { isParticipantBatch, PARTICIPANT } from '../workshops/participant';
import { answerUnknownCodes, assertParticipantBatchSize, takeParticipantAllowance } from '../workshops/participant-door';
import { createParticipantHousekeeping } from '../workshops/participant-traces';

const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** Push and pull. Routes only parse and hand over; the protocol lives in sync/. */
export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  // «Who synced when» for the coordinación. The push already committed: a stamp that fails is
  // logged, never turned into an error that would make the device send its batch again.
  const stamp = createSyncStamper(ctx.db);
  const stampSync = (sessionId: string, kind: 'push' | 'pull', log: FastifyBaseLogger) =>
    stamp(sessionId, kind, ctx.now()).catch((error: unknown) => log.warn({ err: error, kind }, 'sync stamp not written'));
  const housekeeping = createParticipantHousekeeping(ctx, app.log);
  // A server that nobody pushes to still forgets what expired.
  const timer = setInterval(() => void housekeeping.run(), HOUSEKEEPING_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));
  // bodyLimit counts decompressed bytes: @fastify/compress inflates gzip before Fastify reads.
  app.post('/api/sync/push', { bodyLimit: MAX_PUSH_BYTES }, async function handlePush(request, reply) {
    const caller = await findCaller(ctx, request);
    if (!caller) {
      // A participant without an account: only when EVERY mutation is a check-in or feedback
      // carrying a workshop code, and not too often from one address. Anything else is a 401 as
      // a whole, before the body is judged: the device keeps its outbox and asks for a login.
      if (!isParticipantBatch(request.body)) throw new HttpError(401, 'unauthorized');
      assertParticipantBatchSize(request.body);
      await takeParticipantAllowance(ctx.db, request.ip, (request.body as { mutations: unknown[] }).mutations.length, ctx.now());
      await housekeeping.run();
    }
    const body = parseOrThrow(PushRequest, request.body);
    const unknown = caller ? undefined : await answerUnknownCodes(ctx.db, body);
    if (unknown) return reply.header('Cache-Control', 'no-store').send(unknown);
    const result: PushResponse = await applyPush(ctx, caller ?? PARTICIPANT, body, request.log);
    if (caller) await stampSync(caller.sessionId, 'push', request.log);
    // After the commit, in a snapshot of its own: what else the device should pull (its own writes aside).
    if (body.catalogueCursor !== undefined) {
      const cursors = { catalogue: body.catalogueCursor, ...(caller && body.cursor !== undefined ? { user: body.cursor } : {}) };
      result.news = await readNewScopes(ctx, caller, { cursors, clientId: body.clientId });
      // The page the device would pull next, in this answer (#12): one round trip fewer, 2 s on Slow 3G.
      if (caller && body.pullLimit !== undefined && body.cursor !== undefined && result.news.includes('user')) {
        await housekeeping.run();
        result.userPage = await readPullPage(ctx, caller, { scope: 'user', cursor: body.cursor, limit: body.pullLimit, clientId: body.clientId });
        await stampSync(caller.sessionId, 'pull', request.log);
      }
    }
    return reply.header('Cache-Control', 'no-store').send(result);
  });

  // Asked every 30 s by every open screen: the idle answer is a bare 204 without the security
  // headers (about 700 bytes that protect documents, and a 204 has no body to protect), so it
  // stays near 100 bytes on the wire. The 200 carries its JSON with nosniff.
  app.get('/api/sync/head', { helmet: false }, async function handleHead(request, reply) {
    const query = parseOrThrow(HeadQuery, request.query);
    const caller = await findCaller(ctx, request);
    if (query.user !== undefined && !caller) throw new HttpError(401, 'unauthorized');
    const cursors = { ...(query.catalogue === undefined ? {} : { catalogue: query.catalogue }), ...(query.user === undefined ? {} : { user: query.user }) };
    const scopes = await readNewScopes(ctx, caller, { cursors, ...(query.clientId ? { clientId: query.clientId } : {}) });
    reply.header('Cache-Control', 'no-store');
    if (scopes.length === 0) return reply.code(204).send();
    const answer: HeadResponse = { scopes };
    return reply.header('X-Content-Type-Options', 'nosniff').send(answer);
  });

  app.get('/api/sync/pull', async function handlePull(request, reply) {
    const query = parseOrThrow(PullQuery, request.query);
    const caller = await findCaller(ctx, request);
    if (query.scope === 'user' && !caller) throw new HttpError(401, 'unauthorized');
    // Staff reading their workshops also let the held opinions of closed windows out (once a minute at most).
    if (query.scope === 'user') await housekeeping.run();
    const page = await readPullPage(ctx, caller, query);
    if (caller) await stampSync(caller.sessionId, 'pull', request.log);
    return reply.header('Cache-Control', 'no-store').send(page);
  });
}
