/**
 * Bench: `GET /api/reports/national?year=2026` over the issue's national picture (100,000
 * attendance records, 5,000 workshops, 20,000 events, plus feedback and checklist runs), seeded
 * with bulk INSERTs. Budgets (#11): ≤ 300 ms p95 on PostgreSQL, ≤ 30 KiB gzip on the wire.
 * Runs on SQLite too (no budget there) and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { nextVersion } from '../../src/server/store/version';
import { bearer, createLoggedInUser, createTestClock, startTestServer } from '../helpers/server-app';
import { percentile, type BenchRow } from './bench-row';
import { ISSUE_SCALE, seedNationalPicture, type NationalScale } from './national-seed';

const SAMPLES = 20;
const WARM_UP = 3;

/** The report's figures on one engine. */
export async function measureNationalReportOn(engine: 'sqlite' | 'postgres', scale: NationalScale, samples: number): Promise<BenchRow[]> {
  const clock = createTestClock();
  const server = await startTestServer(engine, { now: clock.now });
  try {
    await seedNationalPicture(server.store.db, scale);
    const session = await createLoggedInUser(server, ['coordinador']);
    const headers = { ...bearer(session), 'accept-encoding': 'gzip' };
    let wireBytes = 0;
    const timeOne = async (): Promise<number> => {
      const started = performance.now();
      const res = await server.app.inject({ method: 'GET', url: '/api/reports/national?year=2026', headers });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 200 || res.headers['content-encoding'] !== 'gzip') throw new Error(`report failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      wireBytes = res.rawPayload.length;
      return elapsed;
    };
    // The first report of a server process reads every table whole into its mirror.
    const first = await timeOne();
    // After a write (a check-in and a ticked checklist item, as a push stamps them): built again
    // from the mirror, which reads only the rows written since.
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + samples; i += 1) {
      await server.store.db.transaction().execute(async (trx) => {
        await sql`update attendance set version = ${await nextVersion(trx)} where id = (select min(id) from attendance)`.execute(trx);
        await sql`update checklist_items set state = ${JSON.stringify({ done: i % 2 === 0 })}, version = ${await nextVersion(trx)} where id = (select min(id) from checklist_items)`.execute(trx);
      });
      const elapsed = await timeOne();
      if (i >= WARM_UP) times.push(elapsed);
    }
    // Warm: nothing changed, the process answers the report it built.
    const warm: number[] = [];
    for (let i = 0; i < samples; i += 1) warm.push(await timeOne());
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const detail = `${samples} samples; ${scale.attendance} attendance, ${scale.workshops} workshops, ${scale.events} events, ${scale.feedback} feedback, ${scale.runs} checklist runs`;
    return [
      { area: 'reports', what: `national report, first after the server starts (${engine})`, value: round(first), unit: 'ms', budget: null, detail: 'one sample: every table read whole' },
      { area: 'reports', what: `national report built (data changed), p95 (${engine})`, value: round(percentile(times, 95)), unit: 'ms', budget: engine === 'postgres' ? 300 : null, detail },
      { area: 'reports', what: `national report built (data changed), p50 (${engine})`, value: round(percentile(times, 50)), unit: 'ms', budget: null, detail },
      { area: 'reports', what: `national report unchanged since last asked, p95 (${engine})`, value: round(percentile(warm, 95)), unit: 'ms', budget: null, detail: `${samples} samples` },
      { area: 'reports', what: `national report on the wire, gzip (${engine})`, value: Math.round((wireBytes / 1024) * 10) / 10, unit: 'KiB', budget: 30, detail: `${wireBytes} bytes` },
    ];
  } finally {
    await server.close();
  }
}

/** The national report at the issue's scale on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set. */
export async function measureNationalReport(scale: NationalScale = ISSUE_SCALE, samples = SAMPLES): Promise<BenchRow[]> {
  const rows = await measureNationalReportOn('sqlite', scale, samples);
  if (process.env.TEST_DATABASE_URL) rows.push(...(await measureNationalReportOn('postgres', scale, samples)));
  return rows;
}
