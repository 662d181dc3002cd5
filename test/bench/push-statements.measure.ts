/**
 * Bench: how many SQL statements the server sends to apply one push — the round trips a push
 * spends holding the version counter, the figure that sets PostgreSQL's write throughput (issue
 * 14). Unlike the timings it does not move with the machine's load: the same code gives the
 * same count. Counted at the driver (pg's Client.query, better-sqlite3's prepare) around one
 * push of 100 changes (the server-batch mix) and one of 100 check-ins into a workshop.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { WireMutation } from '../../src/shared/protocol';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type EngineName, type TestServer } from '../helpers/server-app';
import { createDeviceQueue, push } from '../helpers/server-sync';
import { makePerson } from '../helpers/factories';
import { makeRegistration, makeWorkshopArgs } from '../server/workshops/workshop-fixtures';
import type { BenchRow } from './bench-row';
import { makeBatch } from './server-batch.measure';

let counting = false;
let statements = 0;

/** Wraps `method` of a driver's prototype once, so each call counts while `counting`. */
function countCalls(proto: object, method: string): void {
  const target = proto as Record<string, unknown> & { __counted?: Set<string> };
  target.__counted ??= new Set();
  if (target.__counted.has(method)) return;
  const original = target[method] as (...args: unknown[]) => unknown;
  target[method] = function counted(this: unknown, ...args: unknown[]) {
    if (counting) statements += 1;
    return original.apply(this, args);
  };
  target.__counted.add(method);
}

/** Wraps the two drivers' entry points once; they count only while `counting`. */
function installCounters(): void {
  countCalls(pg.Client.prototype, 'query');
  countCalls(SqliteDatabase.prototype, 'prepare');
}

async function countPush(server: TestServer, session: Parameters<typeof push>[1], clientId: string, mutations: WireMutation[]): Promise<number> {
  statements = 0;
  counting = true;
  try {
    const answer = await push(server, session, clientId, mutations);
    if (answer.rejected.length > 0) throw new Error(`push refused: ${JSON.stringify(answer.rejected[0])}`);
  } finally {
    counting = false;
  }
  return statements;
}

async function measureOn(engine: EngineName): Promise<BenchRow[]> {
  const clock = createTestClock();
  const server = await startTestServer(engine, { now: clock.now });
  try {
    const gestor = await createLoggedInUser(server, ['gestor']);
    const fresh = createDeviceQueue();
    const mixed = await countPush(server, gestor, fresh.clientId, makeBatch(fresh));
    const facilitador = await createLoggedInUser(server, ['facilitador']);
    const staff = createDeviceQueue();
    const workshop = makeWorkshopArgs(clock.now());
    await push(server, facilitador, staff.clientId, [staff.next('workshop.save', workshop)]);
    const checkIns = Array.from({ length: 100 }, (_, i) =>
      staff.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: `Participante ${i}`, documentType: 'dni', documentNumber: String(41_000_000 + i) }))));
    const registered = await countPush(server, facilitador, staff.clientId, checkIns);
    return [
      { area: 'server', what: `SQL statements to apply a push of 100 changes (${engine})`, value: mixed, unit: 'count', budget: null, detail: 'driver calls, begin and commit included' },
      { area: 'workshops', what: `SQL statements to apply 100 check-ins (${engine})`, value: registered, unit: 'count', budget: null, detail: 'driver calls, begin and commit included' },
    ];
  } finally {
    await server.close();
  }
}

/** The statement counts on every engine the run has. */
export async function measurePushStatements(): Promise<BenchRow[]> {
  installCounters();
  const rows: BenchRow[] = [];
  for (const engine of ENGINES) rows.push(...(await measureOn(engine)));
  return rows;
}
