/**
 * Bench: a gzip catalogue pull while 20 wrong logins hash at once (security report M5: 118 ms
 * became 4.3 s). Budget: the flooded median at most 2× the quiet one (issue 9).
 */
import type { BenchRow } from './bench-row';
import { describeFlood, measurePullDuringLoginFlood } from '../helpers/login-flood';

export async function measureLoginFlood(): Promise<BenchRow[]> {
  const figures = await measurePullDuringLoginFlood();
  const round = (n: number) => Math.round(n * 100) / 100;
  return [
    { area: 'server', what: 'catalogue pull (gzip), median, quiet (SQLite)', value: round(figures.quietMs), unit: 'ms', budget: null },
    { area: 'server', what: `catalogue pull (gzip), median, during ${figures.workers} concurrent wrong logins`, value: round(figures.floodedMs), unit: 'ms', budget: null },
    { area: 'server', what: 'catalogue pull slowdown under a login flood', value: round(figures.floodedMs / figures.quietMs), unit: '×', budget: 2, detail: describeFlood(figures) },
  ];
}
