/// <reference types="vite/client" />
/**
 * `npm run bench`: builds, then runs every measurement in test/bench/*.measure.ts and prints one
 * table (what, figure, budget, ok?) and writes bench-results/bench.json. Figures, not assertions:
 * a figure over budget is marked OVER, it does not fail the run; a measurement that breaks does.
 *
 * To add rows: write `test/bench/<area>.measure.ts` exporting `measure*()` functions with no
 * required arguments that resolve to a BenchRow or BenchRow[] (see ./bench-row). Functions that
 * need arguments or answer in another shape are listed in PLANNED below, with an adapter.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { describeWithChromium } from '../helpers/e2e-browser';
import { ROOT } from '../helpers/e2e-server';
import { formatBenchTable, type BenchRow } from './bench-row';

type MeasureModule = Record<string, unknown>;
type AnyMeasure = (...args: unknown[]) => Promise<unknown>;

const modules = import.meta.glob<MeasureModule>('./*.measure.ts');

/** What test/bench/server-batch.measure.ts resolves to (times in ms). */
interface BatchTimes {
  p50: number;
  p95: number;
  samples: number;
}

/** The server's batch figures as rows: DESIGN.md's ≤ 100 ms p95 on SQLite, #12's ≤ 50 ms p95 on PostgreSQL. */
function toServerBatchRows(result: unknown, args: unknown[]): BenchRow[] {
  const { p50, p95, samples } = result as BatchTimes;
  const engine = String(args[0]);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return [
    { area: 'server', what: `server applies a push of 100 changes, p95 (${engine})`, value: round(p95), unit: 'ms', budget: engine === 'sqlite' ? 100 : 50, detail: `${samples} samples` },
    { area: 'server', what: `server applies a push of 100 changes, p50 (${engine})`, value: round(p50), unit: 'ms', budget: null, detail: `${samples} samples` },
  ];
}

/** Measurements that take arguments or answer in their own shape: file, export, calls, adapter. */
const PLANNED: Array<{ file: string; name: string; calls: unknown[][]; toRows: (result: unknown, args: unknown[]) => BenchRow[] }> = [
  {
    file: './server-batch.measure.ts',
    name: 'measureServerBatch',
    calls: [['sqlite'], ...(process.env.TEST_DATABASE_URL ? [['postgres']] : [])],
    toRows: toServerBatchRows,
  },
];

/** Measurements Chromium is not needed for, so they run even where it is missing. */
const NO_BROWSER = new Set(['./bundle.measure.ts', './media-server.measure.ts', './login-flood.measure.ts', './server-batch.measure.ts', './pg-throughput.measure.ts', './national-report.measure.ts', './push-statements.measure.ts']);

const rows: BenchRow[] = [];

function toRows(result: unknown): BenchRow[] {
  return (Array.isArray(result) ? result : [result]) as BenchRow[];
}

function listCalls(file: string, mod: MeasureModule): Array<{ label: string; run: () => Promise<BenchRow[]> }> {
  return Object.entries(mod)
    .filter((entry): entry is [string, AnyMeasure] => entry[0].startsWith('measure') && typeof entry[1] === 'function')
    .flatMap(([name, fn]) => {
      const planned = PLANNED.find((p) => p.file === file && p.name === name);
      if (planned) {
        return planned.calls.map((args) => ({ label: `${name}(${args.map(String).join(', ')})`, run: async () => planned.toRows(await fn(...args), args) }));
      }
      if (fn.length > 0) return [];
      return [{ label: `${name}()`, run: async () => toRows(await fn()) }];
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

/**
 * `BENCH_ONLY=checklist,attendance` runs only the measure files whose name holds one of those
 * words (and writes bench-results/bench-only.json, so a partial run never replaces the full table).
 */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((word) => word.trim()).filter(Boolean);
const isSelected = (file: string) => ONLY.length === 0 || ONLY.some((word) => file.includes(word));

const loaded = await Promise.all(
  Object.entries(modules)
    .filter(([file]) => isSelected(file))
    .map(async ([file, load]) => [file, await load()] as const),
);

for (const [file, mod] of loaded.sort(([a], [b]) => a.localeCompare(b))) {
  const register = NO_BROWSER.has(file) ? describe : describeWithChromium;
  register(`bench ${file}`, () => {
    for (const call of listCalls(file, mod)) {
      it(call.label, async () => {
        rows.push(...(await call.run()));
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
  const file = join(dir, ONLY.length ? 'bench-only.json' : 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`Escrito: ${file}\n`);
});
