/**
 * `npm run import:places -- ARCHIVO [--retirar-ausentes] [--solo-revisar]`: reads INEI's
 * directory, prints in Spanish what it read, mended and found wrong, and imports the places
 * into the configured store (SQLite under TINKUY_DATA_DIR, or DATABASE_URL). Nothing is
 * imported when the file has a fatal problem.
 */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../config';
import { openStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { hasFatalProblems, parseIneiDirectory, type IneiDirectory } from './inei-directory';
import { importPlaces, type ImportSummary } from './places-store';

/** Exit codes: 0 imported (or checked), 1 the file has fatal problems, 2 bad use or unreadable file. */
export const EXIT = { ok: 0, fatal: 1, usage: 2 } as const;

const USAGE = 'Uso: npm run import:places -- ARCHIVO.csv [--retirar-ausentes] [--solo-revisar]';
const FIELD_NAMES: Record<string, string> = {
  name: 'distrito', capital: 'capital', category: 'categoría', department: 'departamento', province: 'provincia', code: 'ubigeo',
};

const formatCount = (n: number): string => n.toLocaleString('es-PE');

/** Runs the import with `args` (after `--`), `env` for the store, writing lines to `print`. */
export async function runImportPlaces(
  args: readonly string[], env: Record<string, string | undefined>, print: (line: string) => void,
): Promise<number> {
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--retirar-ausentes' && arg !== '--solo-revisar');
  const [file] = files;
  if (file === undefined || files.length > 1 || unknown.length > 0) {
    print(USAGE);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    print(`No se pudo leer el archivo ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    return EXIT.usage;
  }
  const directory = parseIneiDirectory(text);
  printReading(directory, print);
  if (hasFatalProblems(directory)) {
    print('No se importó nada: corrija los errores del archivo y vuelva a intentar.');
    return EXIT.fatal;
  }
  if (args.includes('--solo-revisar')) return EXIT.ok;
  const summary = await importIntoStore(directory, env, args.includes('--retirar-ausentes'));
  printSummary(summary, print);
  return EXIT.ok;
}

async function importIntoStore(directory: IneiDirectory, env: Record<string, string | undefined>, removeMissing: boolean): Promise<ImportSummary> {
  const store = openStore(readConfig(env).database);
  try {
    await migrateToLatest(store.db);
    return await importPlaces(store.db, directory.districts, { removeMissing });
  } finally {
    await store.close();
  }
}

/** Prints what was read, every mend and every problem, in Spanish. */
export function printReading(directory: IneiDirectory, print: (line: string) => void): void {
  const { districts, mended, problems } = directory;
  const provinces = new Set(districts.map((d) => d.provinceCode)).size;
  const departments = new Set(districts.map((d) => d.departmentCode)).size;
  print(`Distritos leídos: ${formatCount(districts.length)} (en ${provinces} provincias y ${departments} departamentos).`);
  print(mended.length === 0 ? 'Correcciones: ninguna.' : `Correcciones (${mended.length}):`);
  for (const m of mended) print(`  ${m.code} ${FIELD_NAMES[m.field] ?? m.field}: «${m.from}» → «${m.to}»`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  print(problems.length === 0 ? 'Problemas: ninguno.' : `Problemas (${problems.length}; ${errors} graves):`);
  for (const p of problems) print(`  ${p.severity === 'error' ? 'ERROR' : 'aviso'}: ${p.message}`);
}

function printSummary(summary: ImportSummary, print: (line: string) => void): void {
  print(`Importación terminada: ${formatCount(summary.inserted)} lugares nuevos, ${formatCount(summary.updated)} cambiados, `
    + `${formatCount(summary.unchanged)} sin cambios, ${formatCount(summary.removed)} retirados.`);
  if (summary.absent > 0) {
    print(`${formatCount(summary.absent)} lugares de la base no están en el archivo; se dejaron como estaban (use --retirar-ausentes para retirarlos).`);
  }
  print(`Versiones de sincronización usadas: ${formatCount(summary.versionsTaken)}.`);
}
