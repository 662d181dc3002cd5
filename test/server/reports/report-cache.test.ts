import { describe, expect, it } from 'vitest';
import { createReportCache } from '../../../src/server/reports/report-cache';
import type { NationalReport } from '../../../src/shared/schemas/national-report';

const MINUTE = 60_000;
const NOON_LIMA = Date.parse('2026-11-29T17:00:00.000Z');

describe('the national report cache', () => {
  function counting() {
    let builds = 0;
    const build = async () => ({ year: 2026, builds: ++builds }) as unknown as NationalReport;
    return { build, count: () => builds };
  }

  it.each([
    { what: 'the same version a minute later is reused', version: 1, at: NOON_LIMA + MINUTE, builds: 1 },
    { what: 'a write moved the counter: built again', version: 2, at: NOON_LIMA + MINUTE, builds: 2 },
    { what: 'five minutes later: built again (held and overdue move with the clock)', version: 1, at: NOON_LIMA + 5 * MINUTE, builds: 2 },
    { what: 'the next Lima day, even a minute later: built again', version: 1, at: Date.parse('2026-11-30T05:00:20.000Z'), builds: 2, first: Date.parse('2026-11-30T04:59:30.000Z') },
  ])('$what', async ({ version, at, builds, first }) => {
    const cache = createReportCache();
    const { build, count } = counting();
    await cache.read('q', 1, first ?? NOON_LIMA, build);
    await cache.read('q', version, at, build);
    expect(count()).toBe(builds);
  });

  it('keeps each query apart', async () => {
    const cache = createReportCache();
    const { build, count } = counting();
    await cache.read('{"year":2026}', 1, NOON_LIMA, build);
    await cache.read('{"year":2025}', 1, NOON_LIMA, build);
    await cache.read('{"year":2026}', 1, NOON_LIMA, build);
    expect(count()).toBe(2);
  });
});
