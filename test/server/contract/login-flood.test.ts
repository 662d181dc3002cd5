/**
 * Password hashing cannot starve the server (security report M5): a flood of wrong logins
 * from many addresses (behind the proxy, so no per-address limit stops it) ran scrypt on every
 * libuv thread, and a gzip catalogue pull went from 118 ms to 4.3 s. Measured here on a real
 * socket: the pull's median latency during the flood stays within 2× of its median just before.
 */
import { describe, expect, it } from 'vitest';
import { createHashGate, HASH_SLOTS } from '../../../src/server/auth/hash-gate';
import { HttpError } from '../../../src/server/http/errors';
import { REFUSALS } from '../../../src/shared/errors';
import { describeFlood, measurePullDuringLoginFlood } from '../../helpers/login-flood';

// Five times the thread pool: without the gate every libuv thread runs scrypt.
const FLOOD_WORKERS = 20;

describe('a login flood and the catalogue pull', () => {
  it(`a flood of ${FLOOD_WORKERS} concurrent wrong logins slows the gzip catalogue pull by at most 2×`, async () => {
    const figures = await measurePullDuringLoginFlood(FLOOD_WORKERS);
    console.info(`catalogue pull (gzip) median: ${describeFlood(figures)}; ${HASH_SLOTS} scrypt slot(s)`);
    expect(figures.floodedMs).toBeLessThanOrEqual(2 * figures.quietMs);
    // The flood was real each round: scrypt saturated, most logins queued behind it, and
    // answered as wrong passwords.
    for (const load of figures.loads) expect(load.active).toBe(HASH_SLOTS);
    expect(Math.min(...figures.loads.map((l) => l.waiting))).toBeGreaterThanOrEqual(FLOOD_WORKERS / 2);
    expect(figures.statuses[401]).toBeGreaterThan(0);
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
