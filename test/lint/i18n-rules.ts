/**
 * Reads the source as text to check the string catalogue's promises: each file loads the areas
 * whose strings it uses, the main chunk loads only the shell's, no string speaks «tú», and no
 * Spanish sentence is written in the code instead of the catalogue. Heuristics, kept simple and
 * tested on their own cases in `i18n.test.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every source file below `dir` (ts and tsx), as paths from the repository root. */
export function listSources(root: string, dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSources(root, path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Strips comments, keeping strings (a `//` inside a string stays). */
export function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, (match, before: string | undefined) => (match.startsWith('/*') ? '' : before ?? ''));
}

/** The areas whose keys `code` names: quoted keys exactly, and template keys by their fixed start. */
export function findAreasUsed(code: string, areaOfKey: ReadonlyMap<string, string>): Set<string> {
  const areas = new Set<string>();
  for (const [, key] of code.matchAll(/'([a-zA-Z0-9_.-]+)'/g)) {
    const area = areaOfKey.get(key!);
    if (area) areas.add(area);
  }
  for (const [, stem] of code.matchAll(/`([a-zA-Z]+\.[a-zA-Z0-9_.-]*)\$\{/g)) {
    for (const [key, area] of areaOfKey) if (key.startsWith(stem!)) areas.add(area);
  }
  return areas;
}

/** The module specifiers a file imports statically (`import … from 'x'`, `import 'x'`, `export … from 'x'`). */
export function findStaticImports(code: string): string[] {
  return [...code.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)]
    .filter(([line]) => !/^\s*import\s+type\b|^\s*export\s+type\b/.test(line!))
    .map(([, specifier]) => specifier!);
}

/** The areas a file loads: imports of `shared/i18n/<area>` or `shared/i18n/es-pe/<area>`. */
export function findAreasLoaded(code: string): Set<string> {
  const loaded = new Set<string>();
  for (const specifier of findStaticImports(code)) {
    const match = /(?:^|\/)i18n\/(?:es-pe\/)?([a-z-]+)$/.exec(specifier);
    if (match) loaded.add(match[1]!);
  }
  return loaded;
}

function resolveModule(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return relative(root, candidate);
  }
  return undefined;
}

/** Every source file the main chunk holds: what `entry` reaches by static imports (not `import()`). */
export function findStaticallyReached(root: string, entry: string): Set<string> {
  const reached = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const specifier of findStaticImports(stripComments(readFileSync(join(root, file), 'utf8')))) {
      const next = resolveModule(root, file, specifier);
      if (next) queue.push(next);
    }
  }
  return reached;
}
