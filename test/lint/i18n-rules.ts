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

/** «tú» forms that are never «usted»: pronouns, possessives and second-person verb forms. */
const TU_WORDS = [
  'tú', 'tu', 'tus', 'te', 'ti', 'contigo', 'tuyo', 'tuya',
  'tienes', 'puedes', 'quieres', 'debes', 'necesitas', 'sabes', 'estás', 'eres', 'haces', 'ves', 'vas',
  'escribes', 'guardas', 'registras', 'recargas', 'agregas', 'recuperas', 'instalas', 'usas', 'marcas', 'cierras', 'envías', 'deseas', 'buscas', 'lees',
  'guardaste', 'cerraste', 'dejaste', 'escribiste', 'registraste', 'iniciaste', 'hiciste', 'enviaste', 'marcaste', 'agregaste',
  'tengas', 'puedas', 'quieras', 'necesites', 'planificarás', 'verás', 'podrás', 'tendrás',
  'conéctate', 'inténtalo', 'pégalo', 'cópialo', 'expórtalos', 'reinténtalos', 'agrégala', 'agrégalo', 'elígela', 'ábrela', 'revísalo', 'guárdalo',
];
/** Imperatives that read as «tú» at the start of a sentence (mid-sentence they are third person: «Tinkuy guarda…»). */
const TU_IMPERATIVES = [
  'revisa', 'elige', 'escribe', 'inicia', 'recarga', 'prueba', 'vuelve', 'pide', 'lee', 'busca', 'planifica', 'marca', 'toca', 'desliza',
  'agrega', 'sincroniza', 'usa', 'copia', 'guarda', 'registra', 'indica', 'abre', 'cierra', 'envía', 'descarga', 'sigue', 'espera', 'responde', 'separa',
];

const TU_ANYWHERE = new RegExp(`(?<![\\p{L}])(${TU_WORDS.join('|')})(?![\\p{L}])`, 'iu');
const TU_SENTENCE_START = new RegExp(`(?:^|[.:;!?¿¡—–]\\s*|\\n\\s*)(${TU_IMPERATIVES.join('|')})(?![\\p{L}])`, 'iu');

/** The first «tú» form in `text`, or undefined when it speaks «usted» (or no one). */
export function findTu(text: string): string | undefined {
  return TU_ANYWHERE.exec(text)?.[1] ?? TU_SENTENCE_START.exec(text)?.[1];
}

const SPANISH_WORDS = /(?<![\p{L}])(el|la|los|las|de|del|que|en|un|una|por|con|para|se|no|sin|su|sus|este|esta|es|al|lo|le|ya|hay|y|o)(?![\p{L}])/iu;
const SPANISH_LETTERS = /[áéíóúñ¿¡…]/i;

/**
 * Whether a string literal of the code reads as Spanish words for a person: accents, «¿¡…», or two
 * words or more of which one is capitalised or a Spanish little word. Class lists, keys, paths
 * and identifiers (no spaces, or lowercase words with dashes) do not.
 */
export function looksSpanish(literal: string): boolean {
  if (!/\p{L}/u.test(literal)) return false;
  if (SPANISH_LETTERS.test(literal)) return true;
  const words = literal.split(/\s+/).filter((word) => /^[\p{L}]+[.,:;!?]?$/u.test(word));
  if (words.length < 2) return false;
  return words.some((word) => /^\p{Lu}/u.test(word)) || SPANISH_WORDS.test(words.join(' '));
}

/** Text between JSX tags in `code` (a `.tsx`): what a person reads unless it is code (generics, arrows). */
export function findJsxTexts(code: string): string[] {
  const texts: string[] = [];
  for (const match of code.matchAll(/(?<!=)>([^<>{}]*\p{L}[^<>{}]*)</gu)) {
    const text = match[1]!.trim();
    if (text && !/[=;()|&]|\?:|:\s*\w+\s*[,<]|^,/.test(text)) texts.push(text);
  }
  return texts;
}

/** The string literals of `code` (quoted, and the fixed parts of templates). */
export function findTexts(code: string): string[] {
  const texts: string[] = [];
  for (const match of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const literal = match[1] ?? match[2] ?? match[3] ?? '';
    texts.push(...(match[3] !== undefined ? literal.split(/\$\{[^}]*\}/) : [literal]));
  }
  return texts;
}
