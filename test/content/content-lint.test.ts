/**
 * Lint of the real catalogue in `src/content`: it must compile without a fault, be big enough,
 * and never drop a published checklist item id (devices hold runs that refer to them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkCatalogue, formatFault } from '../../src/content/compiler';
import { Catalogue } from '../../src/shared/catalogue';
import { findSnapshotBreaks, takeItemIdSnapshot, type ItemIdSnapshot } from './item-id-snapshot';

const CONTENT = join(import.meta.dirname, '..', '..', 'src', 'content');
const SNAPSHOT = join(import.meta.dirname, 'template-item-ids.json');
const result = checkCatalogue(CONTENT);
// What compiled cleanly: a broken entry must not hide the template checks (and vice versa).
const catalogue = result.partial;

describe('the real catalogue content', () => {
  it('compiles without a single fault', () => {
    expect(result.faults.map(formatFault)).toEqual([]);
  });

  it('has at least 17 checklist templates with at least 220 items in all (issue 10)', () => {
    const templates = catalogue.templates;
    const items = templates.flatMap((t) => t.sections.flatMap((s) => s.items));
    expect(templates.length).toBeGreaterThanOrEqual(17);
    expect(items.length).toBeGreaterThanOrEqual(220);
  });

  it('gives every checklist item an id used nowhere else', () => {
    const ids = catalogue.templates.flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.id)));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every published item id, and bumps the version of a template whose items changed', () => {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as ItemIdSnapshot;
    const isUpdating = process.env.TINKUY_UPDATE_ITEM_IDS === '1';
    if (!isUpdating) expect(Object.keys(snapshot).length, 'la lista de ids publicados está vacía').toBeGreaterThan(0);
    expect(findSnapshotBreaks(snapshot, catalogue.templates)).toEqual([]);
    // A deliberate update (new items or templates): TINKUY_UPDATE_ITEM_IDS=1, only after the check above passed.
    if (isUpdating) writeFileSync(SNAPSHOT, `${JSON.stringify(takeItemIdSnapshot(catalogue.templates), null, 2)}\n`);
  });

  it('resolves every internal link and related entry to an existing entry', () => {
    // Ids come from the files, so one faulty entry does not make every link to it look broken.
    const ids = new Set(result.files.filter((f) => f.endsWith('.md')).map((f) => basename(f, '.md')));
    for (const entry of catalogue.entries) {
      for (const id of [...entry.related, ...collectInternalLinks(entry.body)]) expect(ids, `${entry.id} → ${id}`).toContain(id);
    }
    for (const item of catalogue.templates.flatMap((t) => t.sections.flatMap((s) => s.items))) {
      if (item.entry) expect(ids, `${item.id} → ${item.entry}`).toContain(item.entry);
    }
  });

  it('round-trips through JSON into the shared Catalogue schema the device parses', () => {
    const json = JSON.parse(JSON.stringify({ version: 'x', ...catalogue })) as unknown;
    expect(v.safeParse(Catalogue, json).issues).toBeUndefined();
  });

  it('has at least 70 entries (issue 10)', () => {
    expect(result.files.filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(70);
  });

  it('reports its size: entries, templates and checklist items', () => {
    const entries = result.files.filter((f) => f.endsWith('.md')).length;
    const templates = catalogue.templates.length;
    const items = catalogue.templates.reduce((n, t) => n + t.sections.reduce((m, s) => m + s.items.length, 0), 0);
    console.log(`Catálogo: ${entries} entradas, ${templates} plantillas, ${items} ítems.`);
    expect(entries).toBe(catalogue.entries.length);
    expect(items).toBeGreaterThan(0);
  });
});

/** Every `internal` id in a compiled body, however deep. */
function collectInternalLinks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectInternalLinks);
  if (value && typeof value === 'object') {
    const own = 'internal' in value && typeof value.internal === 'string' ? [value.internal] : [];
    return [...own, ...Object.values(value).flatMap(collectInternalLinks)];
  }
  return [];
}
