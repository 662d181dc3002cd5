/**
 * The one-way import rule (DESIGN.md, "Parts"): ui → state → db / sync → shared; server → shared.
 * A tiny regex lint over the TypeScript sources, so the rule stays true without a new dependency
 * (typescript-eslint cannot run on TypeScript 7). Besides the folders it checks:
 * - src/content (the catalogue sources and their Node compiler): only src/server and
 *   vite.config.ts import it, and it imports only src/shared;
 * - packages: `dexie` only in src/db and src/sync, plus src/state/sync-model.ts, whose
 *   `import('dexie')` fetches Dexie's chunk beside the sync runtime's (the one deliberate runtime
 *   split in state); `@preact/signals` only in src/state and src/ui;
 * - server layers: src/server/store, the bottom layer, imports no sync, routes or workshops code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One import found in a source file. */
export interface ImportSite {
  specifier: string;
  line: number;
}

/** One import that breaks the rule. */
export interface ImportViolation extends ImportSite {
  file: string;
  reason: string;
}

/** Where a file or an import target lives: a folder under src, `main` for src/main.tsx, or a package. */
type Area = 'ui' | 'state' | 'db' | 'sync' | 'sw' | 'shared' | 'server' | 'content' | 'main' | 'other' | 'package';

const AREA_FOLDERS = ['ui', 'state', 'db', 'sync', 'sw', 'shared', 'server', 'content'] as const;

const BROWSER_AREAS: readonly Area[] = ['ui', 'state', 'db', 'sync', 'sw', 'main'];

/** Packages bound to one runtime (DOM, Node, IndexedDB): never imported by src/shared. */
const RUNTIME_BOUND_PACKAGES = /^(preact|@preact\/|preact-iso|dexie|workbox-|fastify|@fastify\/|kysely|better-sqlite3|pg$|pg\/|virtual:)/;

/** Blanks out comments (keeping line breaks and string contents) so commented imports do not count. */
export function stripComments(source: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (quote) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i++;
      } else if (ch === quote) quote = null;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
      if (i < source.length) out += '\n';
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else {
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      out += ch;
    }
  }
  return out;
}

const IMPORT_PATTERNS = [
  // import x from 'y'; import type { x } from 'y'; export { x } from 'y'; export * from 'y'
  /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  // import 'y' (side effects only)
  /\bimport\s*(['"])([^'"]+)\1/g,
  // import('y'), and the same inside type positions: typeof import('y')
  /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
];

/** Every import, re-export and dynamic import specifier in a TypeScript source, with its line. */
export function findImports(source: string): ImportSite[] {
  const code = stripComments(source);
  const sites: ImportSite[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2]!;
      const at = (match.index ?? 0) + match[0].lastIndexOf(specifier);
      sites.push({ specifier, line: code.slice(0, at).split('\n').length });
    }
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** The area of a path relative to the repository root (posix separators). */
function areaOfPath(path: string): Area {
  const parts = path.split('/');
  if (parts[0] !== 'src') return 'other';
  if (parts.length === 2) return parts[1]!.startsWith('main.') ? 'main' : 'other';
  const folder = parts[1] as Area;
  return AREA_FOLDERS.includes(folder as never) ? folder : 'other';
}

/** The folder of a server path (`store`, `sync`, `routes`…), or undefined outside one. */
function serverLayerOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'src' && parts[1] === 'server' && parts.length > 3 ? parts[2] : undefined;
}

/** What src/server/store, the bottom layer, never imports. */
const ABOVE_STORE = ['sync', 'routes', 'workshops'];

/** The one file besides src/server that may import src/content: it compiles the catalogue at build. */
const CONTENT_BUILD_FILE = 'vite.config.ts';

/** The one file in src/state that may import Dexie: its `import('dexie')` splits the runtime chunk. */
const DEXIE_SPLIT_FILE = 'src/state/sync-model.ts';

/** Resolves a specifier seen in `file` to a repository path, or null for a package. */
function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), specifier));
  if (specifier.startsWith('/src/')) return specifier.slice(1);
  if (specifier.startsWith('src/')) return specifier;
  return null;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

/** Why `file` may not import the repository path `target` (null when it may). */
function explainPathViolation(file: string, target: string): string | null {
  const from = areaOfPath(file);
  const to = areaOfPath(target);
  if (to === 'content' && from !== 'content' && from !== 'server' && file !== CONTENT_BUILD_FILE) {
    return 'only src/server and vite.config.ts import src/content';
  }
  if (from === 'content' && to !== 'content' && to !== 'shared') return `src/content imports only src/shared, not src/${to}`;
  const layer = serverLayerOf(file);
  const targetLayer = serverLayerOf(target);
  if (layer === 'store' && targetLayer !== undefined && ABOVE_STORE.includes(targetLayer)) {
    return `src/server/store imports no src/server/${targetLayer} (move what both need down into store)`;
  }
  return explainAreaViolation(from, to);
}

/** Why area `from` may not import area `to` (null when it may). */
function explainAreaViolation(from: Area, to: Area): string | null {
  if (to === 'server' && from !== 'server') return 'nothing outside src/server imports src/server';
  if (from === 'server' && (BROWSER_AREAS as readonly string[]).includes(to)) return `src/server never imports browser code (src/${to})`;
  if (from === 'ui' && (to === 'db' || to === 'sync' || to === 'sw')) return `src/ui never imports src/${to}; go through src/state`;
  if (from === 'state' && (to === 'ui' || to === 'sw' || to === 'main')) return `src/state never imports src/${to}`;
  if ((from === 'db' || from === 'sync') && (to === 'ui' || to === 'state' || to === 'sw' || to === 'main')) {
    return `src/${from} never imports src/${to}`;
  }
  if (from === 'shared' && to !== 'shared') return 'src/shared imports nothing outside src/shared';
  if (from === 'sw' && !['sw', 'sync', 'shared', 'db'].includes(to)) return `src/sw imports only src/sync, src/shared and src/db, not src/${to}`;
  return null;
}

/** The package's name without a subpath: `dexie`, `@preact/signals`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why `file` may not import the package `specifier` (null when it may). */
function explainPackageViolation(file: string, specifier: string, isTest: boolean): string | null {
  const from = areaOfPath(file);
  const name = packageName(specifier);
  if (from === 'shared' && isNodeBuiltin(specifier)) return 'src/shared uses no Node APIs';
  if (from === 'shared' && RUNTIME_BOUND_PACKAGES.test(specifier)) return `src/shared uses no runtime-bound library (${specifier})`;
  if (from === 'sw' && !specifier.startsWith('workbox-')) return `src/sw imports only workbox packages, not ${specifier}`;
  if (name === 'dexie' && from !== 'db' && from !== 'sync' && file !== DEXIE_SPLIT_FILE && !isTest) {
    return 'only src/db and src/sync import dexie (and src/state/sync-model.ts, for its chunk split)';
  }
  if (name === '@preact/signals' && from !== 'state' && from !== 'ui' && !isTest) return 'only src/state and src/ui import @preact/signals';
  if (from !== 'server' && from !== 'content' && from !== 'other' && !isTest && isNodeBuiltin(specifier)) return `browser code uses no Node APIs (${specifier})`;
  return null;
}

/** The violations in one source file; `file` is its path relative to the repository root. */
export function checkSource(file: string, source: string): ImportViolation[] {
  // Tests standing beside the code run in Node; they may use Node APIs, never cross areas.
  const isTest = /\.test\.tsx?$/.test(file);
  const violations: ImportViolation[] = [];
  for (const site of findImports(source)) {
    const target = resolveSpecifier(file, site.specifier);
    const reason = target === null ? explainPackageViolation(file, site.specifier, isTest) : explainPathViolation(file, target);
    if (reason) violations.push({ file, ...site, reason });
  }
  return violations;
}

/** Every .ts/.tsx file under `dir`, as paths relative to `root` with posix separators. */
export function listSources(root: string, dir = 'src'): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(root, path));
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path.split(sep).join('/'));
  }
  return files;
}

/** Checks every source under `root`/src, and vite.config.ts. */
export function checkTree(root: string): ImportViolation[] {
  return [...listSources(root), CONTENT_BUILD_FILE].flatMap((file) => checkSource(file, readFileSync(resolve(root, file), 'utf8')));
}

/** `src/ui/a.tsx:12  '../db/x' — src/ui never imports src/db; go through src/state` */
export function formatViolation(v: ImportViolation): string {
  return `${v.file}:${v.line}  '${v.specifier}' — ${v.reason}`;
}

/** The repository root, found from this file. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
