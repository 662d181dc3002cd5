import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { LoginRequest, RefreshRequest } from '../../shared/protocol';
import { requireCaller } from '../auth/guard';
import { logIn } from '../auth/login';
import { listDeviceSessions, revokeDeviceSession, rotateRefreshToken } from '../auth/sessions';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { REFUSALS } from '../../shared/errors';

const SessionParams = v.object({ id: v.pipe(v.string(), v.uuid(REFUSALS.sessionIdInvalid)) });
const NO_STORE = 'no-store';

/** Login, refresh, logout and the list of device sessions. Tokens travel only in bodies and headers. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async function handleLogin(request, reply) {
    const body = parseOrThrow(LoginRequest, request.body);
    const session = await logIn(ctx.db, body, request.ip, ctx.now());
    return reply.header('Cache-Control', NO_STORE).send(session);
  });

  app.post('/api/auth/refresh', async function handleRefresh(request, reply) {
    const { refreshToken } = parseOrThrow(RefreshRequest, request.body);
    const session = await rotateRefreshToken(ctx.db, ctx.engine, refreshToken, request.ip, ctx.now());
    return reply.header('Cache-Control', NO_STORE).send(session);
  });

  app.post('/api/auth/logout', async function handleLogout(request, reply) {
    const caller = await requireCaller(ctx, request);
    await revokeDeviceSession(ctx.db, caller.id, caller.sessionId, ctx.now());
    return reply.code(204).send();
  });

  app.get('/api/auth/sessions', async function handleListSessions(request, reply) {
    const caller = await requireCaller(ctx, request);
    const sessions = await listDeviceSessions(ctx.db, caller, ctx.now());
    return reply.header('Cache-Control', NO_STORE).send({ sessions });
  });

  app.delete('/api/auth/sessions/:id', async function handleRevokeSession(request, reply) {
    const caller = await requireCaller(ctx, request);
    const { id } = parseOrThrow(SessionParams, request.params);
    const isRevoked = await revokeDeviceSession(ctx.db, caller.id, id, ctx.now());
    if (!isRevoked) throw new HttpError(404, 'not_found', REFUSALS.sessionNotFound);
    return reply.code(204).send();
  });
}
