import type { FastifyInstance } from 'fastify';
import { requireCaller } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { buildNationalReport } from '../reports/national-report';
import { NationalReportQuery } from '../../shared/schemas/national-report';
import { REFUSALS } from '../../shared/errors';

/** Reports across workshops and events: coordinación only, aggregates only (no personal data). */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/reports/national', async function handleNationalReport(request, reply) {
    const caller = await requireCaller(ctx, request);
    if (!caller.roles.includes('coordinador')) throw new HttpError(403, 'forbidden', REFUSALS.reportCoordinatorOnly);
    const query = parseOrThrow(NationalReportQuery, request.query);
    const report = await buildNationalReport(ctx, query);
    // Figures of real people's training: never kept by a shared cache; the device keeps its own copy.
    return reply.header('Cache-Control', 'private, no-store').send(report);
  });
}
