/**
 * Bench: the server taking a venue's attendance. A workshop already holds 500 people; each
 * sample is one push of 100 `attendance.register` (10 of them the same person again, by DNI or
 * by name typed otherwise, so the merge runs), the whole `inject` from request to answer, on
 * SQLite (and PostgreSQL when TEST_DATABASE_URL is set). DESIGN.md's batch budget (≤ 100 ms
 * p95 on SQLite) applies.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { WireMutation } from '../../src/shared/protocol';
import type { AttendancePerson } from '../../src/shared/schemas/attendance';
import { bearer, createLoggedInUser, createTestClock, startTestServer } from '../helpers/server-app';
import { createDeviceQueue, push } from '../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs } from '../server/workshops/workshop-fixtures';
import { percentile, type BenchRow } from './bench-row';

const SAMPLES = 30;
const WARM_UP = 3;
const ALREADY_REGISTERED = 500;

let personCounter = 0;

function makeNewPerson(): AttendancePerson {
  personCounter += 1;
  return makePerson({ fullName: `Participante Ñahui ${personCounter}`, documentType: 'dni', documentNumber: String(40_000_000 + personCounter) });
}

/** 90 new people and 10 repeats of people already there (5 by DNI, 5 by folded name). */
function makeBatch(device: ReturnType<typeof createDeviceQueue>, workshopId: string, earlier: AttendancePerson[]): WireMutation[] {
  const repeats = earlier.slice(-10).map((p, i) =>
    i < 5 ? { ...p, fullName: `Otro nombre ${i}` } : makePerson({ fullName: p.fullName.toUpperCase(), entityName: p.entityName.toLowerCase() }),
  );
  const fresh = Array.from({ length: 90 }, makeNewPerson);
  earlier.push(...fresh);
  return [...fresh, ...repeats].map((person) => device.next('attendance.register', makeRegistration(workshopId, person)));
}

async function measureOn(engine: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const clock = createTestClock();
  const server = await startTestServer(engine, { now: clock.now, ...(process.env.TEST_DATABASE_URL ? { pgUrl: process.env.TEST_DATABASE_URL } : {}) });
  try {
    const session = await createLoggedInUser(server, ['facilitador']);
    const device = createDeviceQueue();
    const workshop = makeWorkshopArgs(clock.now());
    await push(server, session, device.clientId, [device.next('workshop.save', workshop)]);
    const people: AttendancePerson[] = [];
    for (let i = 0; i < ALREADY_REGISTERED / 100; i += 1) {
      const fresh = Array.from({ length: 100 }, makeNewPerson);
      people.push(...fresh);
      await push(server, session, device.clientId, fresh.map((p) => device.next('attendance.register', makeRegistration(workshop.id, p))));
    }
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip', ...bearer(session) };
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
      const payload = gzipSync(JSON.stringify({ clientId: device.clientId, mutations: makeBatch(device, workshop.id, people) }));
      const started = performance.now();
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers, payload });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 200 || res.json().rejected.length > 0) throw new Error(`push failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= WARM_UP) times.push(elapsed);
    }
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const detail = `${SAMPLES} samples; ${ALREADY_REGISTERED} already registered, growing to ${ALREADY_REGISTERED + 90 * (WARM_UP + SAMPLES)}`;
    return [
      { area: 'workshops', what: `server applies 100 check-ins (10 merges), p95 (${engine})`, value: round(percentile(times, 95)), unit: 'ms', budget: 100, detail },
      { area: 'workshops', what: `server applies 100 check-ins (10 merges), p50 (${engine})`, value: round(percentile(times, 50)), unit: 'ms', budget: null, detail },
    ];
  } finally {
    await server.close();
  }
}

/** The attendance batch on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set. */
export async function measureAttendanceBatch(): Promise<BenchRow[]> {
  const rows = await measureOn('sqlite');
  if (process.env.TEST_DATABASE_URL) rows.push(...(await measureOn('postgres')));
  return rows;
}
