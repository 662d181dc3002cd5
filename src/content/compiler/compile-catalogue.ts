/**
 * Build-time compiler of the catalogue: reads `entries/*.md` and `templates/*.yaml` under a
 * content folder, checks everything, and returns the data the server serves as
 * `catalogue.json` and devices keep offline. All faults are collected before failing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Catalogue } from '../../shared/catalogue/catalogue';
import type { Entry } from '../../shared/catalogue/entry';
import { compileEntry, type EntryDraft } from './compile-entry';
import { compileTemplate, type TemplateDraft } from './compile-template';
import { limaYear } from '../../shared/catalogue/valor-text';
import { CatalogueFaultsError, type Fault } from './faults';
import { parseValores, VALORES_FILE, type ValorTable } from './valores-source';

/**
 * The catalogue (undefined when there are faults), every fault, the files read, and whatever
 * compiled cleanly (`partial`), so a lint can still count templates while an entry is broken.
 */
export interface CatalogueResult {
  catalogue: Catalogue | undefined;
  faults: Fault[];
  files: string[];
  partial: Omit<Catalogue, 'version'>;
}

/** When the catalogue is compiled: its Lima year picks the amounts written for older apps. */
export interface CompileOptions {
  now?: Date;
}

/** Compiles the content folder; throws `CatalogueFaultsError` listing every fault. */
export function compileCatalogue(contentDir: string, options: CompileOptions = {}): Catalogue {
  const result = checkCatalogue(contentDir, options);
  if (!result.catalogue) throw new CatalogueFaultsError(result.faults);
  return result.catalogue;
}

/** Compiles the content folder and reports faults instead of throwing. */
export function checkCatalogue(contentDir: string, options: CompileOptions = {}): CatalogueResult {
  const entryFiles = listFiles(join(contentDir, 'entries'), '.md');
  const templateFiles = listFiles(join(contentDir, 'templates'), '.yaml');
  const valores = readValores(contentDir);
  const shared = { valores: valores.table, year: limaYear(options.now ?? new Date()) };
  const entryDrafts = entryFiles.map((path) => compileEntry(displayPath(path), readFileSync(path, 'utf8'), shared));
  const templateDrafts = templateFiles.map((path) => compileTemplate(displayPath(path), readFileSync(path, 'utf8'), shared));
  const faults = [...valores.faults, ...entryDrafts.flatMap((d) => d.faults), ...templateDrafts.flatMap((d) => d.faults)];
  const entryIds = new Set(entryFiles.map((path) => basename(path, '.md')));
  faults.push(...checkEntryReferences(entryDrafts, entryFiles.map(displayPath), entryIds));
  faults.push(...checkTemplateReferences(templateDrafts, entryIds));
  const files = [...entryFiles, ...templateFiles, ...valores.files];
  const entries = entryDrafts.flatMap((d) => (d.entry ? [withVersion(d.entry)] : []));
  const templates = templateDrafts.flatMap((d) => (d.template ? [d.template] : []));
  const partial = { entries, templates };
  if (faults.length > 0) return { catalogue: undefined, faults: sortFaults(faults), files, partial };
  return { catalogue: { version: hashOf({ entries, templates }), entries, templates }, faults, files, partial };
}

/** `valores.yaml` beside the entries; none is an empty table (a token then fails as unknown). */
function readValores(contentDir: string): { table: ValorTable; faults: Fault[]; files: string[] } {
  const path = join(contentDir, VALORES_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { table: new Map(), faults: [], files: [] };
  }
  return { ...parseValores(displayPath(path), text), files: [path] };
}

function checkEntryReferences(drafts: EntryDraft[], files: string[], ids: Set<string>): Fault[] {
  const faults: Fault[] = [];
  drafts.forEach((draft, i) => {
    const file = files[i] ?? '';
    for (const link of draft.links) {
      if (!ids.has(link.id)) faults.push({ file, line: link.line, message: `El enlace interno apunta a una entrada que no existe: «${link.id}».` });
    }
    for (const rel of draft.related) {
      if (!ids.has(rel.id)) faults.push({ file, line: rel.line, message: `related: la entrada «${rel.id}» no existe.` });
    }
  });
  return faults;
}

function checkTemplateReferences(drafts: TemplateDraft[], entryIds: Set<string>): Fault[] {
  const faults: Fault[] = [];
  const firstUse = new Map<string, { file: string; line: number }>();
  for (const use of drafts.flatMap((d) => d.itemIds)) {
    const first = firstUse.get(use.id);
    if (first) faults.push({ ...use, message: `El id de ítem «${use.id}» ya se usa en ${first.file}:${first.line}; los ids deben ser únicos en todas las plantillas.` });
    else firstUse.set(use.id, use);
  }
  for (const ref of drafts.flatMap((d) => d.entryRefs)) {
    if (!entryIds.has(ref.id)) faults.push({ file: ref.file, line: ref.line, message: `entry: la entrada «${ref.id}» no existe.` });
  }
  return faults;
}

/** Adds the entry's own content hash, so a device can tell which entries changed. */
function withVersion(entry: Omit<Entry, 'version'>): Entry {
  return { ...entry, version: hashOf(entry) };
}

/** A short, stable content hash (sha-256, 16 hex digits). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function listFiles(dir: string, extension: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // a missing folder is an empty catalogue part, not a crash
  }
  return names.filter((n) => n.endsWith(extension)).sort().map((n) => join(dir, n));
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function sortFaults(faults: Fault[]): Fault[] {
  return faults.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
