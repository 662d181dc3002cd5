/**
 * Password hashing cannot starve the server (security report M5): a flood of wrong logins
 * from many addresses (behind the proxy, so no per-address limit stops it) ran scrypt on every
 * libuv thread, and a gzip catalogue pull went from 118 ms to 4.3 s. Measured here on a real
 * socket: the pull's median latency during the flood stays within 2× of its median just before.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashGate, HASH_GATE, HASH_SLOTS } from '../../../src/server/auth/hash-gate';
import { HttpError } from '../../../src/server/http/errors';
import { REFUSALS } from '../../../src/shared/errors';
import { startTestServer, type TestServer } from '../../helpers/server-app';

// Five times the thread pool: without the gate every libuv thread runs scrypt.
const FLOOD_WORKERS = 20;
const ROUNDS = 3;
const PULL_CAP_MS = 5000;
const SAMPLES_PER_ROUND = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('a login flood and the catalogue pull', () => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    // One trusted proxy: each flood request says it comes from its own address, as a
    // distributed flood through nginx would.
    server = await startTestServer('sqlite', { trustProxy: 1 });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => server.close());

  /** One gzip catalogue pull, timed from request to the last byte. */
  async function timePull(): Promise<number> {
    const started = performance.now();
    // A starved pull counts as 5 s: the test fails with a figure instead of hanging.
    const res = await fetch(`${base}/api/sync/pull?scope=catalogue&limit=500`, { headers: { 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(PULL_CAP_MS) })
      .catch(() => undefined);
    if (!res) return PULL_CAP_MS;
    if (res.status !== 200 || res.headers.get('content-encoding') !== 'gzip') throw new Error(`pull answered ${res.status} ${res.headers.get('content-encoding')}`);
    await res.arrayBuffer();
    return performance.now() - started;
  }

  async function sample(count: number, into: number[]): Promise<void> {
    for (let i = 0; i < count; i += 1) into.push(await timePull());
  }

  /** Logins with wrong passwords from `workers` loops, each request from its own address, until stopped. */
  function startFlood(workers: number, statuses: Map<number, number>) {
    let running = true;
    let sent = 0;
    const worker = async (w: number) => {
      while (running) {
        sent += 1;
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${w}.${Math.floor(sent / 250) % 250}.${sent % 250}` },
          body: JSON.stringify({ email: `nadie${sent}@muni.gob.pe`, password: 'Peru2026!', deviceName: 'flood' }),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const loops = Array.from({ length: workers }, (_, w) => worker(w));
    return { stop: async () => { running = false; await Promise.all(loops); } };
  }

  const countAnswers = (statuses: Map<number, number>) => [...statuses.values()].reduce((a, b) => a + b, 0);

  async function waitFor(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  // The machine is shared and its load drifts over seconds, so quiet and flooded samples are
  // taken in alternating rounds and compared as two medians.
  it(`a flood of ${FLOOD_WORKERS} concurrent wrong logins slows the gzip catalogue pull by at most 2×`, async () => {
    for (let i = 0; i < 3; i += 1) await timePull();
    const quiet: number[] = [];
    const flooded: number[] = [];
    const statuses = new Map<number, number>();
    const loads: { active: number; waiting: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await waitFor(() => HASH_GATE.load().active === 0);
      await sample(SAMPLES_PER_ROUND, quiet);
      const answeredBefore = countAnswers(statuses);
      const flood = startFlood(FLOOD_WORKERS, statuses);
      // The flood is under way once its first logins come back.
      await waitFor(() => countAnswers(statuses) >= answeredBefore + 2);
      loads.push(HASH_GATE.load());
      await sample(SAMPLES_PER_ROUND, flooded);
      await flood.stop();
    }
    const [before, during] = [median(quiet), median(flooded)];
    console.info(
      `catalogue pull (gzip) median: ${before.toFixed(1)} ms quiet, ${during.toFixed(1)} ms during a flood of ${FLOOD_WORKERS} logins ` +
        `(${(during / before).toFixed(2)}×; ${ROUNDS} rounds of ${SAMPLES_PER_ROUND}; logins answered ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `${HASH_SLOTS} scrypt slot(s); gate while sampling ${JSON.stringify(loads)})`,
    );
    expect(during).toBeLessThanOrEqual(2 * before);
    // The flood was real each round: scrypt saturated, most logins queued behind it, and
    // answered as wrong passwords.
    for (const load of loads) expect(load.active).toBe(HASH_SLOTS);
    expect(Math.min(...loads.map((l) => l.waiting))).toBeGreaterThanOrEqual(FLOOD_WORKERS / 2);
    expect(statuses.get(401)).toBeGreaterThan(0);
  }, 180_000);
});

describe('the hash gate', () => {
  it('runs at most its slots at a time, queues the next ones, and answers 503 with Retry-After past the queue', async () => {
    const gate = createHashGate(1, 2);
    const releases: (() => void)[] = [];
    const task = () => new Promise<string>((resolve) => releases.push(() => resolve('hecho')));
    const runs = [gate.run(task), gate.run(task), gate.run(task)];
    await Promise.resolve();
    expect(gate.load()).toEqual({ active: 1, waiting: 2 });
    const refused = await gate.run(task).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ statusCode: 503, code: 'unavailable', message: REFUSALS.tooManyLogins, headers: { 'Retry-After': '5' } });
    for (let i = 0; i < 3; i += 1) {
      await new Promise((r) => setTimeout(r, 0));
      releases.shift()!();
    }
    expect(await Promise.all(runs)).toEqual(['hecho', 'hecho', 'hecho']);
    expect(gate.load()).toEqual({ active: 0, waiting: 0 });
  });

  it('while others wait, a slot rests as long as its task took (half a core at most under a flood); a task alone frees it at once', async () => {
    const gate = createHashGate(1, 5, 1);
    const busy = (ms: number) => () => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), ms));
    const first = gate.run(busy(60));
    const second = gate.run(async () => performance.now());
    const firstEnded = await first;
    const secondStarted = await second;
    expect(secondStarted - firstEnded).toBeGreaterThanOrEqual(45);
    // Nobody waited behind the second: the slot is free at once.
    expect(gate.load()).toEqual({ active: 0, waiting: 0 });
  });
});
