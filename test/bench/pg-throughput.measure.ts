/**
 * Bench: PostgreSQL write throughput, pushes per second, with one and with two server processes
 * on one database (issue 9's row; issue 14 asks for ×2). The built server (`node
 * dist/server/main.js`) in its own schema; DEVICES devices push batches of CHANGES new events as
 * fast as answers come, over HTTP, spread over the processes; counted over WINDOW_MS after a
 * warm-up. The load generator shares the machine's cores with the servers and PostgreSQL, so
 * the figure is a floor, comparable run to run on the same machine. Needs TEST_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { uuidv7 } from '../../src/shared/ids';
import type { SessionResponse } from '../../src/shared/protocol';
import { apiLogIn } from '../helpers/e2e-accounts';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { createDeviceQueue, makeEventArgs } from '../helpers/server-sync';
import type { BenchRow } from './bench-row';

const DEVICES = 12;
const CHANGES = 5;
const WARM_UP_MS = 1_500;
const WINDOW_MS = 6_000;

async function withSchema<T>(url: string, use: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const separator = url.includes('?') ? '&' : '?';
    return await use(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/** Pushes from DEVICES devices (device i to server i mod n) until `stopAt`; counts answers after `countFrom`. */
async function drive(servers: RunningServer[], session: SessionResponse, countFrom: number, stopAt: number): Promise<{ pushes: number; failures: number }> {
  let pushes = 0;
  let failures = 0;
  const device = async (i: number) => {
    const server = servers[i % servers.length]!;
    const queue = createDeviceQueue(uuidv7());
    while (performance.now() < stopAt) {
      const mutations = Array.from({ length: CHANGES }, () => queue.next('event.save', makeEventArgs()));
      const res = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
        body: JSON.stringify({ clientId: queue.clientId, mutations }),
      });
      const ok = res.ok && ((await res.json()) as { rejected: unknown[] }).rejected.length === 0;
      if (performance.now() < countFrom) continue;
      if (ok) pushes += 1;
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: DEVICES }, (_, i) => device(i)));
  return { pushes, failures };
}

async function measureWith(servers: RunningServer[], session: SessionResponse): Promise<BenchRow> {
  const started = performance.now();
  const { pushes, failures } = await drive(servers, session, started + WARM_UP_MS, started + WARM_UP_MS + WINDOW_MS);
  if (failures > 0) throw new Error(`${failures} pushes failed during the throughput bench`);
  const perSecond = Math.round((pushes / WINDOW_MS) * 1000);
  const n = servers.length;
  return {
    area: 'server',
    what: `PostgreSQL write throughput, ${n} server process${n === 1 ? '' : 'es'} on one database`,
    value: perSecond,
    unit: 'pushes/s',
    budget: null,
    detail: `${DEVICES} devices, ${CHANGES} new events per push (${perSecond * CHANGES} changes/s), ${WINDOW_MS / 1000} s after ${WARM_UP_MS / 1000} s warm-up`,
  };
}

/** Throughput with one process, then with a second one on the same database. */
export async function measurePgThroughput(): Promise<BenchRow[]> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return [];
  return withSchema(url, async (databaseUrl) => {
    const first = await startServer({ env: { DATABASE_URL: databaseUrl } });
    let second: RunningServer | undefined;
    try {
      const session = await apiLogIn(first);
      const one = await measureWith([first], session);
      second = await startServer({ env: { DATABASE_URL: databaseUrl } });
      const two = await measureWith([first, second], session);
      return [one, two];
    } finally {
      await second?.stop();
      await first.stop();
    }
  });
}
