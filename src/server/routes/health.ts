import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../shared/protocol';
import { APP_VERSION } from '../app-version';
import type { BuildInfo } from '../../shared/build';
import type { AppContext } from '../context';
import { countAppliedMigrations } from '../store/migrate';

/** `GET /api/health`: 200 while the database answers, 503 with ok:false when it does not. */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext, build: BuildInfo): void {
  app.get('/api/health', async function handleHealth(request, reply) {
    const body: HealthResponse = { ok: true, version: APP_VERSION, build: build.id, schema: 0, database: ctx.engine };
    try {
      body.schema = await countAppliedMigrations(ctx.db);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database does not answer');
      body.ok = false;
    }
    return reply.code(body.ok ? 200 : 503).header('Cache-Control', 'no-store').send(body);
  });
}
