/**
 * The catalogue loaded on start: idempotent, versioned, a delta for devices, tombstones for
 * removals, and a coordinador's edit never undone by the same build loaded again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashOf } from '../../../src/content/compiler/compile-catalogue';
import { compileEntry } from '../../../src/content/compiler/compile-entry';
import { readBuiltCatalogue } from '../../../src/server/catalogue/catalogue-source';
import { loadCatalogue } from '../../../src/server/catalogue/load-catalogue';
import type { Catalogue } from '../../../src/shared/catalogue/catalogue';
import type { Entry } from '../../../src/shared/catalogue/entry';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { pullAll } from '../../helpers/server-sync';

const built = readBuiltCatalogue()!;

/** The built catalogue with one entry's Markdown changed (and recompiled as the build would). */
function withEditedEntry(catalogue: Catalogue, id: string, edit: (source: string) => string) {
  const source = edit(built.sources.get(id)!);
  const draft = compileEntry(`${id}.md`, source);
  if (!draft.entry) throw new Error(draft.faults.map((f) => f.message).join('\n'));
  const entry: Entry = { ...draft.entry, version: hashOf(draft.entry) };
  const sources = new Map(built.sources).set(id, source);
  return { catalogue: { ...catalogue, entries: catalogue.entries.map((e) => (e.id === id ? entry : e)) }, sources, entry };
}

describe.each(ENGINES)('catalogue loaded on start (%s)', (engine) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves every built entry, template, region and province through the public catalogue pull, in the shared shapes', async () => {
    server = await startTestServer(engine);
    const { changes } = await pullAll(server, undefined, 'catalogue');
    const entries = changes.filter((c) => c.table === 'entries');
    const templates = changes.filter((c) => c.table === 'checklistTemplates');
    const places = changes.filter((c) => c.table === 'places');
    expect(entries).toHaveLength(built.catalogue.entries.length);
    expect(templates).toHaveLength(built.catalogue.templates.length);
    expect(places.length).toBe(26 + 196);
    const first = built.catalogue.entries[0]!;
    expect(entries.find((c) => c.id === first.id)?.row).toEqual(first);
    const template = built.catalogue.templates[0]!;
    expect(templates.find((c) => c.id === template.id)?.row).toEqual(template);
  });

  it('a restart with the same build takes no new versions and the pull from the old cursor is empty', async () => {
    server = await startTestServer(engine);
    const before = await pullAll(server, undefined, 'catalogue');
    server = await server.restart();
    const again = await loadCatalogue(server.store.db, engine, built.catalogue, built.sources);
    expect(again.versionsTaken).toBe(0);
    expect(again.entries.unchanged).toBe(built.catalogue.entries.length);
    const after = await pullAll(server, undefined, 'catalogue', 500, before.cursor);
    expect(after.changes).toEqual([]);
  });

  it('one entry changed in the build takes exactly one version and is the only change a device pulls', async () => {
    server = await startTestServer(engine);
    const { cursor } = await pullAll(server, undefined, 'catalogue');
    const id = built.catalogue.entries[3]!.id;
    const next = withEditedEntry(built.catalogue, id, (s) => s.replace(/\nreviewed: .*\n/, '\nreviewed: 2026-11-30\n'));
    const summary = await loadCatalogue(server.store.db, engine, next.catalogue, next.sources);
    expect(summary.versionsTaken).toBe(1);
    expect(summary.entries).toMatchObject({ updated: 1, inserted: 0, removed: 0 });
    const delta = await pullAll(server, undefined, 'catalogue', 500, cursor);
    expect(delta.changes).toHaveLength(1);
    expect(delta.changes[0]).toMatchObject({ table: 'entries', id, row: { reviewed: '2026-11-30', version: next.entry.version } });
  });

  it('an entry removed from the build becomes a tombstone, once', async () => {
    server = await startTestServer(engine);
    const { cursor } = await pullAll(server, undefined, 'catalogue');
    const gone = built.catalogue.entries[0]!.id;
    const smaller = { ...built.catalogue, entries: built.catalogue.entries.slice(1) };
    const summary = await loadCatalogue(server.store.db, engine, smaller, built.sources);
    expect(summary.entries.removed).toBe(1);
    const delta = await pullAll(server, undefined, 'catalogue', 500, cursor);
    expect(delta.changes).toEqual([{ table: 'entries', id: gone, version: delta.cursor, deleted: true }]);
    expect((await loadCatalogue(server.store.db, engine, smaller, built.sources)).versionsTaken).toBe(0);
    // Put back in a later build: it comes back as a live entry with a new version.
    const restored = await loadCatalogue(server.store.db, engine, built.catalogue, built.sources);
    expect(restored.entries.updated).toBe(1);
  });
});
