import type { FastifyInstance } from 'fastify';
import { requireCaller } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';
import { buildNationalReport } from '../reports/national-report';
import { createReportCache } from '../reports/report-cache';
import { createReportMirror } from '../reports/report-mirror';
import { readCurrentVersion } from '../store/version';
import { NationalReportQuery } from '../../shared/schemas/national-report';
import { REFUSALS } from '../../shared/errors';

/** Reports across workshops and events: coordinación only, aggregates only (no personal data). */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cache = createReportCache();
  // What the report counts, kept by this process and updated with only the rows written since.
  const mirror = createReportMirror(ctx.db);
  app.get('/api/reports/national', async function handleNationalReport(request, reply) {
    const caller = await requireCaller(ctx, request);
    if (!caller.roles.includes('coordinador')) throw new HttpError(403, 'forbidden', REFUSALS.reportCoordinatorOnly);
    const query = parseOrThrow(NationalReportQuery, request.query);
    // Read before building: a write during the build moves the counter, so its report is not reused.
    const version = await readCurrentVersion(ctx.db);
    const report = await cache.read(JSON.stringify(query), version, ctx.now(), () => buildNationalReport(ctx, query, mirror));
    // Figures of real people's training: never kept by a shared cache; the device keeps its own copy.
    return reply.header('Cache-Control', 'private, no-store').send(report);
  });
}
