import { describe, expect, it } from 'vitest';
import { measureAttendanceBatch } from '../../bench/workshops-server.measure';

describe('the workshops bench', () => {
  it('measures the server applying 100 check-ins with merges, and answers p50 ≤ p95', async () => {
    const rows = await measureAttendanceBatch();
    const [p95, p50] = rows;
    expect(p95).toMatchObject({ area: 'workshops', unit: 'ms', budget: 100 });
    expect(p50!.value).toBeGreaterThan(0);
    expect(p50!.value).toBeLessThanOrEqual(p95!.value);
    process.stdout.write(`${rows.map((r) => `${r.what}: ${r.value} ${r.unit}`).join('\n')}\n`);
  }, 120_000);
});
