/**
 * Lint of the real catalogue in `src/content`: it must compile without a fault, be big enough,
 * and never drop a published checklist item id (devices hold runs that refer to them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogue, formatFault } from '../../src/content/compiler';

const CONTENT = join(import.meta.dirname, '..', '..', 'src', 'content');
const SNAPSHOT = join(import.meta.dirname, 'template-item-ids.json');
const result = checkCatalogue(CONTENT);
const catalogue = result.catalogue;

/** The committed list of published item ids, by template, with the template version. */
type Snapshot = Record<string, { version: number; items: string[] }>;

describe('the real catalogue content', () => {
  it('compiles without a single fault', () => {
    expect(result.faults.map(formatFault)).toEqual([]);
  });

  it('has at least 10 checklist templates with at least 150 items in all', () => {
    const templates = catalogue?.templates ?? [];
    const items = templates.flatMap((t) => t.sections.flatMap((s) => s.items));
    expect(templates.length).toBeGreaterThanOrEqual(10);
    expect(items.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every checklist item an id used nowhere else', () => {
    const ids = (catalogue?.templates ?? []).flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.id)));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every published item id, and bumps the version of a template whose items changed', () => {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    const current = new Map((catalogue?.templates ?? []).map((t) => [t.id, t]));
    for (const [templateId, published] of Object.entries(snapshot)) {
      const template = current.get(templateId);
      expect(template, `la plantilla publicada «${templateId}» desapareció`).toBeDefined();
      const ids = new Set(template?.sections.flatMap((s) => s.items.map((i) => i.id)));
      const missing = published.items.filter((id) => !ids.has(id));
      expect(missing, `ítems publicados que desaparecieron de «${templateId}»`).toEqual([]);
      if (ids.size !== published.items.length) expect(template?.version ?? 0).toBeGreaterThan(published.version);
    }
  });

  it('resolves every internal link and related entry to an existing entry', () => {
    const ids = new Set((catalogue?.entries ?? []).map((e) => e.id));
    for (const entry of catalogue?.entries ?? []) {
      for (const id of [...entry.related, ...collectInternalLinks(entry.body)]) expect(ids, `${entry.id} → ${id}`).toContain(id);
    }
    for (const item of (catalogue?.templates ?? []).flatMap((t) => t.sections.flatMap((s) => s.items))) {
      if (item.entry) expect(ids, `${item.id} → ${item.entry}`).toContain(item.entry);
    }
  });

  it('has at least 40 entries', () => {
    expect(catalogue?.entries.length ?? 0).toBeGreaterThanOrEqual(40);
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
