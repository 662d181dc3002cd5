/// <reference types="vite/client" />
/**
 * `npm run bench`: builds, then runs every measurement in test/bench/*.measure.ts and prints one
 * table (what, figure, budget, ok?) and writes bench-results/bench.json. Figures, not assertions:
 * a figure over budget is marked OVER, it does not fail the run; a measurement that breaks does.
 *
 * To add rows: write `test/bench/<area>.measure.ts` exporting `measure*()` functions with no
 * required arguments that resolve to a BenchRow or BenchRow[]. Functions that need arguments
 * are listed in PLANNED below.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { describeE2E } from '../helpers/e2e-browser';
import { ROOT } from '../helpers/e2e-server';
import { formatBenchTable, type BenchRow } from './bench-row';

type MeasureFn = (...args: never[]) => Promise<BenchRow | BenchRow[]>;
type MeasureModule = Record<string, unknown>;

const modules = import.meta.glob<MeasureModule>('./*.measure.ts');

/** Measurements that take arguments: [file, export, argument lists]. */
const PLANNED: Array<{ file: string; name: string; calls: unknown[][] }> = [
  {
    file: './server-batch.measure.ts',
    name: 'measureServerBatch',
    calls: [['sqlite'], ...(process.env.TEST_DATABASE_URL ? [['postgres']] : [])],
  },
];

/** Measurements Chromium is not needed for, so they run even where it is missing. */
const NO_BROWSER = new Set(['./bundle.measure.ts', './server-batch.measure.ts']);

const rows: BenchRow[] = [];

function toRows(result: BenchRow | BenchRow[]): BenchRow[] {
  return Array.isArray(result) ? result : [result];
}

function listCalls(file: string, mod: MeasureModule): Array<{ label: string; run: () => Promise<BenchRow | BenchRow[]> }> {
  return Object.entries(mod)
    .filter((entry): entry is [string, MeasureFn] => entry[0].startsWith('measure') && typeof entry[1] === 'function')
    .flatMap(([name, fn]) => {
      const planned = PLANNED.find((p) => p.file === file && p.name === name);
      if (planned) return planned.calls.map((args) => ({ label: `${name}(${args.map(String).join(', ')})`, run: () => (fn as (...a: unknown[]) => Promise<BenchRow | BenchRow[]>)(...args) }));
      if (fn.length > 0) return [];
      return [{ label: `${name}()`, run: () => (fn as () => Promise<BenchRow | BenchRow[]>)() }];
    });
}

function readChromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'no encontrado';
  }
}

function readCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'desconocido';
  }
}

const loaded = await Promise.all(Object.entries(modules).map(async ([file, load]) => [file, await load()] as const));

for (const [file, mod] of loaded.sort(([a], [b]) => a.localeCompare(b))) {
  const register = NO_BROWSER.has(file) ? describe : describeE2E;
  register(`bench ${file}`, () => {
    for (const call of listCalls(file, mod)) {
      it(call.label, async () => {
        rows.push(...toRows(await call.run()));
      });
    }
  });
}

afterAll(() => {
  const table = formatBenchTable(rows);
  process.stdout.write(`\nTinkuy bench (${readCommit()}, ${cpus().length} CPU, Node ${process.version}, ${readChromiumVersion()})\n${table}\n\n`);
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    commit: readCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, chromium: readChromiumVersion() },
    rows,
  };
  writeFileSync(join(dir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`Escrito: ${join(dir, 'bench.json')}\n`);
});
