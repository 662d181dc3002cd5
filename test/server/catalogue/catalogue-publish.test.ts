/**
 * Publishing from the app: only a coordinador, online; stale drafts refused with 409; faults with
 * their lines; every version in the history; one published entry is one change at the next pull.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf } from '../../../src/content/compiler/compile-catalogue';
import { compileEntry } from '../../../src/content/compiler/compile-entry';
import { readBuiltCatalogue } from '../../../src/server/catalogue/catalogue-source';
import { loadCatalogue } from '../../../src/server/catalogue/load-catalogue';
import type { EntrySourceResponse, PreviewResponse, PublishResponse } from '../../../src/shared/catalogue/publishing';
import type { Role } from '../../../src/shared/schemas/common';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { pullAll } from '../../helpers/server-sync';
import { makeEntry, makeEntryFront } from './entry-source';

const built = readBuiltCatalogue()!;
const ENTRY_ID = built.catalogue.entries[0]!.id;

/** A new entry's Markdown; `extra` goes at the end of the body. */
function newEntrySource(id: string, extra = ''): string {
  return makeEntry(makeEntryFront(id, 'Una entrada escrita en la aplicación'), `## Primer paso\n\nTexto del primer paso. ${extra}`);
}

describe.each(ENGINES)('publishing catalogue entries (%s)', (engine) => {
  let server: TestServer;
  let coordinador: SessionResponse;
  const clock = createTestClock();

  beforeEach(async () => {
    server = await startTestServer(engine, { now: clock.now });
    coordinador = await createLoggedInUser(server, ['coordinador'], 'Rosa Quispe');
  });
  afterEach(async () => server.close());

  const readSource = async (id = ENTRY_ID) => {
    const res = await server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${id}/source`, headers: bearer(coordinador) });
    expect(res.statusCode).toBe(200);
    return res.json<EntrySourceResponse>();
  };
  const publish = (id: string, source: string, baseVersion: number | null, session: SessionResponse | null = coordinador) =>
    server.app.inject({ method: 'PUT', url: `/api/catalogue/entries/${id}`, headers: session ? bearer(session) : {}, payload: { source, baseVersion } });

  it.each<[string, number, Role[] | null]>([
    ['anonymous', 401, null],
    ['a gestor', 403, ['gestor']],
    ['a facilitador', 403, ['facilitador']],
    ['a coordinador', 200, ['coordinador']],
  ])('%s publishing (and reading sources) gets %i', async (_who, status, roles) => {
    const session = roles ? await createLoggedInUser(server, roles) : null;
    const { source, version } = await readSource();
    const res = await publish(ENTRY_ID, source.replace(/\nreviewed: .*\n/, '\nreviewed: 2026-11-30\n'), version, session);
    expect(res.statusCode).toBe(status);
    if (status !== 200) expect(res.json().error.message).toMatch(/sesión|coordinación/);
    for (const url of [`/api/catalogue/entries/${ENTRY_ID}/source`, '/api/catalogue/entries']) {
      const read = await server.app.inject({ method: 'GET', url, headers: session ? bearer(session) : {} });
      expect(read.statusCode).toBe(status);
    }
  });

  it('a published entry takes one version, keeps the build source in its history, and is the only change at the next pull', async () => {
    const { cursor } = await pullAll(server, undefined, 'catalogue');
    const before = await readSource();
    expect(before.source).toContain(`id: ${ENTRY_ID}`);
    expect(before.history).toEqual([{ version: before.version, edition: 1, publishedAt: expect.any(String), publishedBy: 'Catálogo compilado' }]);
    clock.advance(60_000);
    const edited = before.source.replace(/\ntitle: .*\n/, '\ntitle: Título corregido por la coordinación\n');
    const res = await publish(ENTRY_ID, edited, before.version);
    expect(res.statusCode).toBe(200);
    const answer = res.json<PublishResponse>();
    expect(answer).toMatchObject({ id: ENTRY_ID, publishedAt: new Date(clock.now()).toISOString(), entry: { title: 'Título corregido por la coordinación' } });
    const delta = await pullAll(server, undefined, 'catalogue', 500, cursor);
    expect(delta.changes).toEqual([{ table: 'entries', id: ENTRY_ID, version: answer.version, row: answer.entry }]);
    const after = await readSource();
    expect(after.version).toBe(answer.version);
    expect(after.history.map((h) => [h.version, h.edition, h.publishedBy])).toEqual([
      [answer.version, 2, 'Rosa Quispe'],
      [before.version, 1, 'Catálogo compilado'],
    ]);
    // People read the entry's own version number (2), never the sync counter.
    expect(answer.edition).toBe(2);
    const listed = await server.app.inject({ method: 'GET', url: '/api/catalogue/entries', headers: bearer(coordinador) });
    expect(listed.json<{ entries: Array<{ id: string; edition: number }> }>().entries.find((e) => e.id === ENTRY_ID)?.edition).toBe(2);
    const old = await server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${ENTRY_ID}/history/${before.version}`, headers: bearer(coordinador) });
    expect(old.json()).toMatchObject({ id: ENTRY_ID, version: before.version, edition: 1, source: before.source, publishedBy: 'Catálogo compilado' });
    const missing = await server.app.inject({ method: 'GET', url: `/api/catalogue/entries/${ENTRY_ID}/history/999999`, headers: bearer(coordinador) });
    expect(missing.statusCode).toBe(404);
  });

  it('the same build loaded again after a restart does not undo what the coordinador published', async () => {
    const { source, version } = await readSource();
    const edited = source.replace(/\nsummary: .*\n/, '\nsummary: Resumen escrito en la aplicación.\n');
    expect((await publish(ENTRY_ID, edited, version)).statusCode).toBe(200);
    server = await server.restart();
    const summary = await loadCatalogue(server.store.db, engine, built.catalogue, built.sources);
    expect(summary.versionsTaken).toBe(0);
    expect((await readSource()).source).toBe(edited);
  });

  it('a later build that changes an entry the coordinador edited wins, and both versions stay in the history', async () => {
    const { source, version } = await readSource();
    const edited = source.replace(/\nsummary: .*\n/, '\nsummary: Resumen escrito en la aplicación.\n');
    const mine = (await publish(ENTRY_ID, edited, version)).json<PublishResponse>();
    const buildSource = source.replace(/\nreviewed: .*\n/, '\nreviewed: 2026-12-15\n');
    const draft = compileEntry(`${ENTRY_ID}.md`, buildSource);
    const entry = { ...draft.entry!, version: hashOf(draft.entry!) };
    const newerBuild = { ...built.catalogue, entries: built.catalogue.entries.map((e) => (e.id === ENTRY_ID ? entry : e)) };
    const summary = await loadCatalogue(server.store.db, engine, newerBuild, new Map(built.sources).set(ENTRY_ID, buildSource));
    expect(summary).toMatchObject({ versionsTaken: 1, entries: { updated: 1 } });
    const after = await readSource();
    expect(after.source).toBe(buildSource);
    expect(after.history.map((h) => h.publishedBy)).toEqual(['Catálogo compilado', 'Rosa Quispe', 'Catálogo compilado']);
    expect(after.history[1]!.version).toBe(mine.version);
  });

  it('two servers loading the same new build at once take one version between them', async () => {
    const { source } = await readSource();
    const buildSource = source.replace(/\nreviewed: .*\n/, '\nreviewed: 2026-12-16\n');
    const draft = compileEntry(`${ENTRY_ID}.md`, buildSource);
    const entry = { ...draft.entry!, version: hashOf(draft.entry!) };
    const newerBuild = { ...built.catalogue, entries: built.catalogue.entries.map((e) => (e.id === ENTRY_ID ? entry : e)) };
    const sources = new Map(built.sources).set(ENTRY_ID, buildSource);
    const results = await Promise.all([1, 2].map(() => loadCatalogue(server.store.db, engine, newerBuild, sources)));
    expect(results.map((r) => r.versionsTaken).sort()).toEqual([0, 1]);
  });

  it('renaming the id in the front matter is refused, in words about the entry, not a file', async () => {
    const { source, version } = await readSource();
    const res = await publish(ENTRY_ID, source.replace(`id: ${ENTRY_ID}`, 'id: otro-nombre'), version);
    expect(res.statusCode).toBe(400);
    expect(res.json().faults).toEqual([{ line: 2, message: `El id «otro-nombre» no coincide con la entrada que se edita («${ENTRY_ID}»): el id de una entrada no se puede cambiar.` }]);
  });

  it('a draft based on a version someone else already replaced is refused with 409 and writes nothing', async () => {
    const { source, version } = await readSource();
    const first = await publish(ENTRY_ID, source.replace('\n## ', '\n\nOtra persona añadió esto.\n\n## '), version);
    expect(first.statusCode).toBe(200);
    const stale = await publish(ENTRY_ID, source.replace(/\ntitle: .*\n/, '\ntitle: Mi cambio tardío\n'), version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('Otra persona publicó') }, currentVersion: first.json<PublishResponse>().version });
    expect((await readSource()).source).not.toContain('Mi cambio tardío');
  });

  it('faults come back with their line numbers, from the preview and from a refused publish', async () => {
    const bad = newEntrySource('entrada-con-errores', 'Vea [otra](entrada:no-existe).').replace('kind: recomendacion', 'kind: poema');
    const preview = await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: bad } });
    expect(preview.statusCode).toBe(200);
    const { faults, entry } = preview.json<PreviewResponse>();
    expect(entry).toBeUndefined();
    expect(faults).toEqual(
      expect.arrayContaining([
        { line: 3, message: expect.stringContaining('Tipo desconocido') },
        { line: 16, message: expect.stringContaining('no-existe') },
      ]),
    );
    const refused = await publish('entrada-con-errores', bad, null);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().faults).toEqual(faults);
    expect((await server.app.inject({ method: 'GET', url: '/api/catalogue/entries/entrada-con-errores/source', headers: bearer(coordinador) })).statusCode).toBe(404);
  });

  it('a valid preview compiles the entry as the build would, linking to existing entries', async () => {
    const good = newEntrySource('entrada-vista-previa', `Vea [la guía](entrada:${ENTRY_ID}).`);
    const res = await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: good } });
    const { entry, faults } = res.json<PreviewResponse>();
    expect(faults).toEqual([]);
    expect(entry).toMatchObject({ id: 'entrada-vista-previa', toc: [{ id: 'primer-paso', text: 'Primer paso', level: 2 }] });
  });

  it('a preview resolves yearly values from the bundled valores.yaml, and an unknown one is a fault at its line', async () => {
    const good = newEntrySource('entrada-con-uit', 'El tope es {{valor:uit*8}}.');
    const { entry, faults } = (await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: good } })).json<PreviewResponse>();
    expect(faults).toEqual([]);
    const inlines = entry?.body[1]?.type === 'paragraph' ? entry.body[1].inlines : [];
    expect(inlines).toContainEqual(expect.objectContaining({ type: 'valor', factor: 8, valor: expect.objectContaining({ key: 'uit' }) }));
    const bad = newEntrySource('entrada-con-uit', 'El tope es {{valor:sueldo*8}}.');
    const refused = (await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: bad } })).json<PreviewResponse>();
    expect(refused.faults).toEqual([{ line: 16, message: expect.stringContaining('Valor desconocido «sueldo»') }]);
  });

  it('a new entry is created with baseVersion null, once; a second create of the same id is 409', async () => {
    const { cursor } = await pullAll(server, undefined, 'catalogue');
    const created = await publish('entrada-nueva-app', newEntrySource('entrada-nueva-app'), null);
    expect(created.statusCode).toBe(200);
    const again = await publish('entrada-nueva-app', newEntrySource('entrada-nueva-app'), null);
    expect(again.statusCode).toBe(409);
    const delta = await pullAll(server, undefined, 'catalogue', 500, cursor);
    expect(delta.changes.map((c) => [c.table, c.id])).toEqual([['entries', 'entrada-nueva-app']]);
    // A build that never knew it leaves it alone.
    const summary = await loadCatalogue(server.store.db, engine, built.catalogue, built.sources);
    expect(summary.entries.kept).toBe(1);
    expect(summary.versionsTaken).toBe(0);
  });

  it('bodies are checked: a missing baseVersion or an empty source is a 400 in Spanish', async () => {
    const noBase = await server.app.inject({ method: 'PUT', url: `/api/catalogue/entries/${ENTRY_ID}`, headers: bearer(coordinador), payload: { source: 'x' } });
    expect(noBase.statusCode).toBe(400);
    expect(noBase.json().error.details.join(' ')).toContain('baseVersion');
    const empty = await server.app.inject({ method: 'POST', url: '/api/catalogue/preview', headers: bearer(coordinador), payload: { source: '' } });
    expect(empty.json().error.details.join(' ')).toContain('está vacío');
    const badId = await server.app.inject({ method: 'GET', url: '/api/catalogue/entries/No_Vale/source', headers: bearer(coordinador) });
    expect(badId.statusCode).toBe(400);
  });
});
