/**
 * One figure of `npm run bench`. Every `test/bench/*.measure.ts` returns these rows; the runner
 * prints them as one table and writes them to bench-results/bench.json.
 */
export interface BenchRow {
  /** Who owns the figure: `shell`, `bundle`, `server`, `sync`, `catalogue`, … */
  area: string;
  /** What was measured, in plain words (conditions included: "Slow 3G, CPU ×4"). */
  what: string;
  value: number;
  unit: 'ms' | 'KiB' | 'requests' | 'bytes' | 'count' | string;
  /** The budget from DESIGN.md in the same unit (value ≤ budget is ok), or null when none. */
  budget: number | null;
  /** Extra detail: runs, spread, notes. */
  detail?: string;
}

/** True when the row has no budget or meets it. */
export function isWithinBudget(row: BenchRow): boolean {
  return row.budget === null || row.value <= row.budget;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
}

/** A plain-text table: what, figure, budget, ok? */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines: string[][] = [['area', 'what', 'figure', 'budget', 'ok?']];
  for (const row of rows) {
    lines.push([
      row.area,
      row.what,
      `${formatNumber(row.value)} ${row.unit}`,
      row.budget === null ? '—' : `≤ ${formatNumber(row.budget)} ${row.unit}`,
      row.budget === null ? '' : isWithinBudget(row) ? 'ok' : 'OVER',
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  const render = (line: string[]) => line.map((cell, i) => cell.padEnd(widths[i]!)).join(' │ ');
  return [render(lines[0]!), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.slice(1).map(render)].join('\n');
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100, nearest rank) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
