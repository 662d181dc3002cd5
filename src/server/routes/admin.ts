import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REFUSALS } from '../../shared/errors';
import { AccountActiveRequest, AdminIdParams, EraseRequest, NewAccountRequest } from '../../shared/schemas/admin';
import { addAccount, closeDeviceSession, listAdminAccounts, resetPassword, setAccountActive } from '../admin/accounts-admin';
import { listAllExports, previewErasure } from '../admin/personal-data-admin';
import { requireCaller } from '../auth/guard';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';

const NO_STORE = 'no-store';

/**
 * Más → Administración (coordinación only: 401 without a session, 403 for other roles): accounts,
 * their devices and sessions, who synced when, the erasure preview and the export log. The
 * erasure itself and its log are `/api/attendance/erase` and `/api/attendance/erasures`. Every
 * answer carries personal data or a password: never kept by any cache.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const requireCoordinador = async (request: FastifyRequest): Promise<AuthUser> => {
    const caller = await requireCaller(ctx, request);
    if (!caller.roles.includes('coordinador')) throw new HttpError(403, 'forbidden', REFUSALS.adminCoordinatorOnly);
    return caller;
  };

  app.get('/api/admin/accounts', async function handleListAccounts(request, reply) {
    await requireCoordinador(request);
    return reply.header('Cache-Control', NO_STORE).send({ accounts: await listAdminAccounts(ctx) });
  });

  app.post('/api/admin/accounts', async function handleAddAccount(request, reply) {
    await requireCoordinador(request);
    const body = parseOrThrow(NewAccountRequest, request.body);
    const created = await addAccount(ctx, body);
    request.log.info({ account: created.account.id, roles: body.roles }, 'account added');
    return reply.code(201).header('Cache-Control', NO_STORE).send(created);
  });

  app.post('/api/admin/accounts/:id/active', async function handleSetActive(request, reply) {
    const caller = await requireCoordinador(request);
    const { id } = parseOrThrow(AdminIdParams, request.params);
    const { active } = parseOrThrow(AccountActiveRequest, request.body);
    const account = await setAccountActive(ctx, caller, id, active);
    request.log.info({ account: id, active, by: caller.id }, 'account active changed');
    return reply.header('Cache-Control', NO_STORE).send({ account });
  });

  app.post('/api/admin/accounts/:id/password', async function handleResetPassword(request, reply) {
    const caller = await requireCoordinador(request);
    const { id } = parseOrThrow(AdminIdParams, request.params);
    const answer = await resetPassword(ctx, id);
    request.log.info({ account: id, by: caller.id }, 'password reset');
    return reply.header('Cache-Control', NO_STORE).send(answer);
  });

  app.delete('/api/admin/sessions/:id', async function handleCloseSession(request, reply) {
    await requireCoordinador(request);
    const { id } = parseOrThrow(AdminIdParams, request.params);
    await closeDeviceSession(ctx, id);
    return reply.code(204).send();
  });

  app.post('/api/admin/erasure-preview', async function handlePreviewErasure(request, reply) {
    await requireCoordinador(request);
    const body = parseOrThrow(EraseRequest, request.body);
    return reply.header('Cache-Control', NO_STORE).send({ matches: await previewErasure(ctx, body) });
  });

  app.get('/api/admin/exports', async function handleListAllExports(request, reply) {
    await requireCoordinador(request);
    return reply.header('Cache-Control', NO_STORE).send({ exports: await listAllExports(ctx) });
  });
}
