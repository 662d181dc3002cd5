import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { Slug } from '../../shared/catalogue/entry';
import { PreviewRequest, PublishRequest } from '../../shared/catalogue/publishing';
import { errorBody, REFUSALS } from '../../shared/errors';
import { requireCaller } from '../auth/guard';
import type { AuthUser } from '../auth/sessions';
import { readEntrySource, readEntryVersion } from '../catalogue/entry-history';
import { compileDraft, listEntrySummaries, publishEntry, readFrontMatterId } from '../catalogue/entry-publisher';
import type { AppContext } from '../context';
import { HttpError, parseOrThrow } from '../http/errors';

const EntryParams = v.object({ id: Slug });
const VersionParams = v.object({
  id: Slug,
  version: v.pipe(v.string(), v.regex(/^\d{1,15}$/, REFUSALS.entryVersionInvalid), v.transform(Number)),
});
/** A Markdown entry is a few KiB; leave room for long tables. */
const SOURCE_BODY_LIMIT = 256 * 1024;
const NO_STORE = 'no-store';

async function requireCoordinador(ctx: AppContext, request: FastifyRequest): Promise<AuthUser> {
  const caller = await requireCaller(ctx, request);
  if (!caller.roles.includes('coordinador')) {
    throw new HttpError(403, 'forbidden', REFUSALS.catalogueCoordinatorOnly);
  }
  return caller;
}

/** The coordinador's catalogue editor: list, source and history, preview, publish. Online only. */
export function registerCatalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/catalogue/entries', async function handleListEntries(request, reply) {
    await requireCoordinador(ctx, request);
    return reply.header('Cache-Control', NO_STORE).send({ entries: await listEntrySummaries(ctx.db) });
  });

  app.get('/api/catalogue/entries/:id/source', async function handleReadSource(request, reply) {
    await requireCoordinador(ctx, request);
    const { id } = parseOrThrow(EntryParams, request.params);
    const answer = await readEntrySource(ctx.db, id);
    if (!answer) throw new HttpError(404, 'not_found', REFUSALS.entryNotFound);
    return reply.header('Cache-Control', NO_STORE).send(answer);
  });

  app.get('/api/catalogue/entries/:id/history/:version', async function handleReadVersion(request, reply) {
    await requireCoordinador(ctx, request);
    const { id, version } = parseOrThrow(VersionParams, request.params);
    const answer = await readEntryVersion(ctx.db, id, version);
    if (!answer) throw new HttpError(404, 'not_found', REFUSALS.entryVersionNotFound);
    return reply.header('Cache-Control', NO_STORE).send(answer);
  });

  app.post('/api/catalogue/preview', { bodyLimit: SOURCE_BODY_LIMIT }, async function handlePreview(request, reply) {
    await requireCoordinador(ctx, request);
    const body = parseOrThrow(PreviewRequest, request.body);
    const id = body.id ?? readFrontMatterId(body.source) ?? 'entrada-nueva';
    return reply.header('Cache-Control', NO_STORE).send(await compileDraft(ctx.db, id, body.source));
  });

  app.put('/api/catalogue/entries/:id', { bodyLimit: SOURCE_BODY_LIMIT }, async function handlePublish(request, reply) {
    const caller = await requireCoordinador(ctx, request);
    const { id } = parseOrThrow(EntryParams, request.params);
    const body = parseOrThrow(PublishRequest, request.body);
    const outcome = await publishEntry(ctx.db, ctx.engine, caller, { id, ...body }, new Date(ctx.now()).toISOString());
    void reply.header('Cache-Control', NO_STORE);
    if (outcome.kind === 'published') return reply.send(outcome.answer);
    if (outcome.kind === 'faults') {
      return reply.code(400).send({ ...errorBody('validation_failed', REFUSALS.entryHasFaults), faults: outcome.faults });
    }
    const message =
      outcome.currentVersion === null
        ? REFUSALS.entryGone
        : body.baseVersion === null
          ? REFUSALS.entryIdTaken
          : REFUSALS.entryChangedMeanwhile;
    return reply.code(409).send({ ...errorBody('conflict', message), currentVersion: outcome.currentVersion });
  });
}
