import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueContent } from '../../src/content/compiler';
import { Catalogue } from '../../src/shared/catalogue';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'valid');
const work = mkdtempSync(join(tmpdir(), 'tinkuy-plugin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a real `vite build` of a one-line SSR entry with the plugin, into `outDir`. */
async function buildWith(contentDir: string, outDir: string, ssr = true): Promise<void> {
  const entry = join(work, 'entry.js');
  writeFileSync(entry, 'export const answer = 42;\n');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: work,
    plugins: [catalogueContent({ contentDir })],
    build: ssr
      ? { ssr: entry, outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: '[name].js' } } }
      : { outDir, emptyOutDir: true, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
}

describe('the catalogueContent Vite plugin', () => {
  it.each([
    ['the SSR (server) build', true],
    ['a client build', false],
  ])('emits a valid catalogue.json into the output of %s', async (_name, ssr) => {
    const outDir = join(work, `out-ok-${String(ssr)}`);
    await buildWith(FIXTURES, outDir, ssr);
    const catalogue = v.parse(Catalogue, JSON.parse(readFileSync(join(outDir, 'catalogue.json'), 'utf8')));
    expect(catalogue.entries.map((e) => e.id)).toEqual(['guia-demo', 'otra-demo']);
    expect(catalogue.templates.map((t) => t.id)).toEqual(['demo']);
    expect(catalogue.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('asks Vite to watch the content folders and every content file', () => {
    const watched: string[] = [];
    const plugin = catalogueContent({ contentDir: FIXTURES });
    const hook = plugin.buildStart as (this: unknown) => void;
    hook.call({ addWatchFile: (path: string) => watched.push(path), error: (message: string) => { throw new Error(message); } });
    expect(watched).toEqual(
      expect.arrayContaining([
        join(FIXTURES, 'entries'),
        join(FIXTURES, 'templates'),
        join(FIXTURES, 'entries', 'guia-demo.md'),
        join(FIXTURES, 'entries', 'otra-demo.md'),
        join(FIXTURES, 'templates', 'demo.yaml'),
      ]),
    );
  });

  it('fails the build listing every fault with its file and line', async () => {
    const content = join(work, 'bad');
    mkdirSync(join(content, 'entries'), { recursive: true });
    writeFileSync(join(content, 'entries', 'mala.md'), '---\nid: mala\nkind: receta\n---\n# Uno\n');
    await expect(buildWith(content, join(work, 'out-bad'))).rejects.toThrow(
      /entries\/mala\.md:3: kind: Tipo desconocido[\s\S]*entries\/mala\.md:5: Encabezado de nivel 1/,
    );
  });
});
