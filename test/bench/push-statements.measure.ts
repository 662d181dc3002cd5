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
import { createDeviceQueue, makeEventArgs, push } from '../helpers/server-sync';
import { makePerson } from '../helpers/factories';
import { makeRegistration, makeWorkshopArgs } from '../server/workshops/workshop-fixtures';
import type { BenchRow } from './bench-row';
import { makeBatch } from './server-batch.measure';

let counting = false;
let statements = 0;
/** Statements from the one that takes the version counter to the commit, both included: the time every other push waits. */
let holding = 0;
let isHolding = false;

/** The SQL text of a driver call (pg: a string or a config object; better-sqlite3: a string). */
function readSql(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  return typeof (arg as { text?: unknown } | null)?.text === 'string' ? (arg as { text: string }).text : '';
}

/** Whether `text` takes the counter's lock: a read `for update` or an update of it. */
function isCounterTaken(text: string): boolean {
  return /update\s+sync_version/i.test(text) || (/sync_version/i.test(text) && /for update/i.test(text));
}

/** Wraps `method` of a driver's prototype once, so each call counts while `counting`. */
function countCalls(proto: object, method: string): void {
  const target = proto as Record<string, unknown> & { __counted?: Set<string> };
  target.__counted ??= new Set();
  if (target.__counted.has(method)) return;
  const original = target[method] as (...args: unknown[]) => unknown;
  target[method] = function counted(this: unknown, ...args: unknown[]) {
    if (counting) {
      statements += 1;
      const text = readSql(args[0]);
      if (!isHolding && isCounterTaken(text)) isHolding = true;
      if (isHolding) holding += 1;
      if (/^\s*(commit|rollback)/i.test(text)) isHolding = false;
    }
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
  holding = 0;
  isHolding = false;
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
    // The throughput bench's push (pg-throughput.measure.ts): 5 new events from a device that pushed before.
    const small = createDeviceQueue();
    await push(server, gestor, small.clientId, [small.next('event.save', makeEventArgs())]);
    const smallStatements = await countPush(server, gestor, small.clientId, Array.from({ length: 5 }, () => small.next('event.save', makeEventArgs())));
    const smallHolding = holding;
    return [
      { area: 'server', what: `SQL statements to apply a push of 5 new events (${engine})`, value: smallStatements, unit: 'count', budget: null, detail: 'driver calls of the whole request: session, begin … commit, sync stamp' },
      // SQLite has one writer at a time anyway: the counter's lock is PostgreSQL's figure.
      ...(engine === 'postgres' ? [{ area: 'server', what: 'SQL statements holding the version counter, push of 5 new events (postgres)', value: smallHolding, unit: 'count', budget: null, detail: 'from the statement that takes the counter to the commit, both included: every other push waits meanwhile' } satisfies BenchRow] : []),
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
