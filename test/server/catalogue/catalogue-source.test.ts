/** Where the server finds the catalogue it loads: the override, the build, or Vitest's compile. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCatalogueFile, readBuiltCatalogue, readBundledSources } from '../../../src/server/catalogue/catalogue-source';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the catalogue the server loads', () => {
  it('under Vitest, with no build, is src/content compiled by the build compiler, with every entry’s Markdown bundled', () => {
    const built = readBuiltCatalogue({ VITEST: 'true' })!;
    expect(built.origin).toMatch(/src\/content$/);
    expect(built.catalogue.entries.length).toBeGreaterThanOrEqual(40);
    const sources = readBundledSources();
    for (const entry of built.catalogue.entries) expect(sources.get(entry.id), entry.id).toMatch(new RegExp(`^---\\nid: ${entry.id}\\n`));
  });

  it('TINKUY_CATALOGUE_FILE overrides the file beside the build, and its content is checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinkuy-catalogue-'));
    dirs.push(dir);
    const full = readBuiltCatalogue({ VITEST: 'true' })!.catalogue;
    const file = join(dir, 'otro.json');
    writeFileSync(file, JSON.stringify({ ...full, entries: full.entries.slice(0, 2) }));
    expect(findCatalogueFile({ TINKUY_CATALOGUE_FILE: file })).toBe(file);
    const read = readBuiltCatalogue({ TINKUY_CATALOGUE_FILE: file })!;
    expect(read.origin).toBe(file);
    expect(read.catalogue.entries.map((e) => e.id)).toEqual(full.entries.slice(0, 2).map((e) => e.id));
    writeFileSync(file, JSON.stringify({ ...full, entries: [{ id: 'sin-cuerpo' }] }));
    expect(() => readBuiltCatalogue({ TINKUY_CATALOGUE_FILE: file })).toThrow();
  });

  it('without a build, an override or Vitest there is nothing to load (the store keeps what it has)', () => {
    expect(readBuiltCatalogue({})).toBeUndefined();
  });
});
