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

/** Wraps the two drivers' entry points once; they count only while `counting`. */
function installCounters(): void {
  const pgProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __counted?: true };
  if (!pgProto.__counted) {
    const query = pgProto.query;
    pgProto.query = function countedQuery(this: unknown, ...args: unknown[]) {
      if (counting) statements += 1;
      return query.apply(this, args);
    };
    pgProto.__counted = true;
  }
  const sqliteProto = SqliteDatabase.prototype as unknown as { prepare: (...args: unknown[]) => unknown; __counted?: true };
  if (!sqliteProto.__counted) {
    const prepare = sqliteProto.prepare;
    sqliteProto.prepare = function countedPrepare(this: unknown, ...args: unknown[]) {
      if (counting) statements += 1;
      return prepare.apply(this, args);
    };
    sqliteProto.__counted = true;
  }
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
