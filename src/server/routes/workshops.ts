import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { requireCaller } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { EraseRequest, eraseAttendance, listErasures, listExports } from '../workshops/personal-data';
import { seedWorkshops } from '../workshops/seed';
import { findWorkshopByCode, isStaff } from '../workshops/workshop-store';
import { listFacilitators, readTeam } from '../workshops/workshop-team';
import { canRunWorkshop } from '../../shared/permissions';
import { REFUSALS } from '../../shared/errors';
import { WorkshopCode } from '../../shared/schemas/workshop';

const WorkshopParams = v.object({ id: v.pipe(v.string(), v.uuid('Identificador de taller no válido.')) });
const DoorParams = v.object({ code: WorkshopCode });
const NO_STORE = 'no-store';

/**
 * Workshops: the programme seeded on start, a person's attendance erased by a coordinador
 * (Ley 29733), and a workshop's export log. Workshops, attendance and feedback themselves
 * travel by push and pull.
 */
export function registerWorkshopRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Before the first request; a database that fails here fails /api/health too, and the next
  // start seeds what is missing, so the server still starts.
  app.addHook('onReady', async function seedProgramme() {
    try {
      const added = await seedWorkshops(ctx.db, ctx.engine, new Date(ctx.now()).toISOString());
      if (added > 0) app.log.info({ added }, 'Programa de talleres de la RED sembrado.');
    } catch (error) {
      app.log.error({ err: error }, 'No se pudo sembrar el programa de talleres.');
    }
  });

  // A participant's door (#12): the one workshop a QR code names, public like the programme the
  // catalogue pull carries, so a first visit on a slow network does not wait for the whole catalogue.
  app.get('/api/workshops/by-code/:code', async function handleWorkshopByCode(request, reply) {
    const { code } = parseOrThrow(DoorParams, request.params);
    const answer = await findWorkshopByCode(ctx.db, code);
    if (!answer) throw new HttpError(404, 'not_found', REFUSALS.codeMatchesNoWorkshop);
    return reply.header('Cache-Control', NO_STORE).send(answer);
  });

  app.post('/api/attendance/erase', async function handleEraseAttendance(request, reply) {
    const caller = await requireCaller(ctx, request);
    if (!caller.roles.includes('coordinador')) throw new HttpError(403, 'forbidden', REFUSALS.erasureCoordinatorOnly);
    const body = parseOrThrow(EraseRequest, request.body);
    const erased = await eraseAttendance(ctx, caller.id, body);
    request.log.info({ erasedBy: caller.id, erased }, 'attendance erased');
    return reply.header('Cache-Control', NO_STORE).send({ erased });
  });

  app.get('/api/attendance/erasures', async function handleListErasures(request, reply) {
    const caller = await requireCaller(ctx, request);
    if (!caller.roles.includes('coordinador')) throw new HttpError(403, 'forbidden', REFUSALS.erasuresCoordinatorOnly);
    return reply.header('Cache-Control', NO_STORE).send({ erasures: await listErasures(ctx) });
  });

  // The accounts a workshop's owner may name as co-facilitadores: names only, for staff.
  app.get('/api/staff/facilitators', async function handleListFacilitators(request, reply) {
    const caller = await requireCaller(ctx, request);
    if (!isStaff(caller)) throw new HttpError(403, 'forbidden', REFUSALS.facilitatorsStaffOnly);
    return reply.header('Cache-Control', NO_STORE).send({ accounts: await listFacilitators(ctx.db) });
  });

  app.get('/api/workshops/:id/exports', async function handleListExports(request, reply) {
    const caller = await requireCaller(ctx, request);
    const { id } = parseOrThrow(WorkshopParams, request.params);
    const workshop = await ctx.db.selectFrom('workshops').select(['owner_id', 'cofacilitator_ids']).where('id', '=', id).executeTakeFirst();
    if (!workshop) throw new HttpError(404, 'not_found', REFUSALS.workshopNotFound);
    if (!canRunWorkshop(caller, workshop.owner_id, readTeam(workshop))) throw new HttpError(403, 'forbidden', REFUSALS.exportsOwnerOnly);
    return reply.header('Cache-Control', NO_STORE).send({ exports: await listExports(ctx, id) });
  });
}
