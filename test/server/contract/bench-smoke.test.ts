import { describe, expect, it } from 'vitest';
import { measureServerBatch } from '../../bench/server-batch.measure';
import { ENGINES } from '../../helpers/server-app';

// The figures themselves belong to `npm run bench`; this only proves the measure runs and
// every one of its batches is accepted whole (it throws on any rejection).
describe.each(ENGINES)('server batch bench on %s', (engine) => {
  it('pushes batches of 100 mutations and reports ordered percentiles', async () => {
    const result = await measureServerBatch(engine, 3);
    expect(result.samples).toBe(3);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p95).toBeGreaterThanOrEqual(result.p50);
  });
});
