import { describe, expect, it } from 'vitest';
import { measureNationalReport } from '../../bench/national-report.measure';

describe('the national report bench', () => {
  it('seeds a small national picture, measures the report and gives p50 ≤ p95 and the gzip size', async () => {
    const small = { workshops: 50, attendance: 1_000, people: 400, feedback: 250, events: 200, runs: 40 };
    const rows = await measureNationalReport(small, 3);
    const [first, p95, p50, warm, wire] = rows;
    expect(first).toMatchObject({ unit: 'ms', budget: null });
    expect(p95).toMatchObject({ area: 'reports', unit: 'ms', budget: null });
    expect(p50!.value).toBeGreaterThan(0);
    expect(p50!.value).toBeLessThanOrEqual(p95!.value);
    expect(warm).toMatchObject({ unit: 'ms', budget: null });
    expect(wire).toMatchObject({ unit: 'KiB', budget: 30 });
    expect(wire!.value).toBeGreaterThan(0.5);
    process.stdout.write(`${rows.map((r) => `${r.what}: ${r.value} ${r.unit}`).join('\n')}\n`);
  }, 120_000);
});
