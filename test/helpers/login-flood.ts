/**
 * Measures a gzip catalogue pull's latency, quiet and during a flood of wrong logins (security
 * report M5), on a real socket against the in-process server. Shared by the server test (which
 * asserts ≤ 2×) and `npm run bench` (which reports the figures).
 *
 * The flood comes from many addresses through one trusted proxy, as a distributed flood through
 * nginx would, so no per-address limit stops it before scrypt. The machine is shared and its
 * load drifts over seconds, so quiet and flooded samples are taken in alternating rounds.
 */
import type { AddressInfo } from 'node:net';
import { HASH_GATE } from '../../src/server/auth/hash-gate';
import { startTestServer } from './server-app';

export interface LoginFloodFigures {
  /** Median pull latency without and during the flood, ms. */
  quietMs: number;
  floodedMs: number;
  workers: number;
  rounds: number;
  samplesPerRound: number;
  /** How many logins the flood got back, by status. */
  statuses: Record<number, number>;
  /** The hash gate as each flooded round began sampling. */
  loads: { active: number; waiting: number }[];
}

/** A starved pull counts as this long, so a broken server gives a figure instead of a hang. */
const PULL_CAP_MS = 5000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** Runs the whole measurement on a fresh SQLite server and closes it. */
export async function measurePullDuringLoginFlood(workers = 20, rounds = 3, samplesPerRound = 5): Promise<LoginFloodFigures> {
  const server = await startTestServer('sqlite', { trustProxy: 1 });
  try {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const timePull = async (): Promise<number> => {
      const started = performance.now();
      const res = await fetch(`${base}/api/sync/pull?scope=catalogue&limit=500`, {
        headers: { 'accept-encoding': 'gzip' },
        signal: AbortSignal.timeout(PULL_CAP_MS),
      }).catch(() => undefined);
      if (!res) return PULL_CAP_MS;
      if (res.status !== 200 || res.headers.get('content-encoding') !== 'gzip') throw new Error(`pull answered ${res.status} ${res.headers.get('content-encoding')}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const statuses = new Map<number, number>();
    const countAnswers = () => [...statuses.values()].reduce((a, b) => a + b, 0);
    let sent = 0;
    const startFlood = () => {
      let running = true;
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
      return async () => {
        running = false;
        await Promise.all(loops);
      };
    };

    for (let i = 0; i < 3; i += 1) await timePull();
    const quiet: number[] = [];
    const flooded: number[] = [];
    const loads: LoginFloodFigures['loads'] = [];
    for (let round = 0; round < rounds; round += 1) {
      await waitFor(() => HASH_GATE.load().active === 0);
      for (let i = 0; i < samplesPerRound; i += 1) quiet.push(await timePull());
      const answeredBefore = countAnswers();
      const stop = startFlood();
      // The flood is under way once its first logins come back.
      await waitFor(() => countAnswers() >= answeredBefore + 2);
      loads.push(HASH_GATE.load());
      for (let i = 0; i < samplesPerRound; i += 1) flooded.push(await timePull());
      await stop();
    }
    return { quietMs: median(quiet), floodedMs: median(flooded), workers, rounds, samplesPerRound, statuses: Object.fromEntries(statuses), loads };
  } finally {
    await server.close();
  }
}

/** One line for a log or a bench detail. */
export function describeFlood(f: LoginFloodFigures): string {
  return `${f.quietMs.toFixed(1)} ms quiet, ${f.floodedMs.toFixed(1)} ms during a flood of ${f.workers} logins ` +
    `(${(f.floodedMs / f.quietMs).toFixed(2)}×; ${f.rounds} rounds of ${f.samplesPerRound}; logins answered ${JSON.stringify(f.statuses)}; ` +
    `gate while sampling ${JSON.stringify(f.loads)})`;
}
