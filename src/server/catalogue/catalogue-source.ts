/// <reference types="vite/client" />
/**
 * Where the server finds the catalogue it loads on start: `catalogue.json`, emitted by the SSR
 * build next to the server bundle, and the Markdown of every entry, bundled into the server by
 * Vite so the editor can show the source of what the build published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { compileCatalogue } from '../../content/compiler/compile-catalogue';
import { Catalogue } from '../../shared/catalogue/catalogue';

// Inlined at build time (and by Vitest): the entries' Markdown, by path.
const ENTRY_SOURCES = import.meta.glob<string>('../../content/entries/*.md', { query: '?raw', import: 'default', eager: true });

/** The catalogue to load, its entries' sources by id, and where it came from (for the log). */
export interface BuiltCatalogue {
  catalogue: Catalogue;
  sources: Map<string, string>;
  origin: string;
}

/** Each bundled entry's Markdown, by entry id (the file name). */
export function readBundledSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const [path, text] of Object.entries(ENTRY_SOURCES)) {
    const id = /([^/]+)\.md$/.exec(path)?.[1];
    if (id) sources.set(id, text);
  }
  return sources;
}

/**
 * The catalogue file: TINKUY_CATALOGUE_FILE when set, else `catalogue.json` beside the built
 * server (the bundle may put this module in `assets/`, hence two places), else undefined.
 */
export function findCatalogueFile(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.TINKUY_CATALOGUE_FILE) return resolve(env.TINKUY_CATALOGUE_FILE);
  const candidates = ['./catalogue.json', '../catalogue.json'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((path) => existsSync(path));
}

/**
 * Reads the catalogue to load. Under Vitest (no build) it compiles `src/content` with the same
 * compiler the build uses. Returns undefined when there is none: the server then serves what
 * its store already holds.
 */
export function readBuiltCatalogue(env: Record<string, string | undefined> = process.env): BuiltCatalogue | undefined {
  const file = findCatalogueFile(env);
  if (file) {
    const catalogue = v.parse(Catalogue, JSON.parse(readFileSync(file, 'utf8')));
    return { catalogue, sources: readBundledSources(), origin: file };
  }
  if (env.VITEST) {
    const dir = resolve('src/content');
    return { catalogue: compileCatalogue(dir), sources: readBundledSources(), origin: dir };
  }
  return undefined;
}
