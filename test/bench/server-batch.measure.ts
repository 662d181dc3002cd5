/**
 * Bench: the server applying a push of 100 mutations (DESIGN.md budget: ≤ 100 ms p95 on
 * SQLite). The real app in-process, a fresh database, gzip bodies made beforehand as a device
 * would send them; the time is the whole `inject`, from request to answer.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../../src/shared/ids';
import type { WireMutation } from '../../src/shared/protocol';
import { bearer, createLoggedInUser, startTestServer } from '../helpers/server-app';
import { createDeviceQueue, makeEventArgs } from '../helpers/server-sync';

const BATCH_SIZE = 100;
const WARM_UP = 5;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A realistic batch: 40 new events, a checklist run for 20 of them, 40 item ticks. */
export function makeBatch(device: ReturnType<typeof createDeviceQueue>): WireMutation[] {
  const mutations: WireMutation[] = [];
  const runs: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const event = makeEventArgs({ title: `Evento de prueba ${i}` });
    mutations.push(device.next('event.save', event));
    if (i % 2 === 0) {
      const runId = uuidv7();
      runs.push(runId);
      mutations.push(device.next('checklist.start', { runId, eventId: event.id, templateId: 'general', templateVersion: 1 }));
    }
  }
  while (mutations.length < BATCH_SIZE) {
    const i = mutations.length;
    mutations.push(device.next('checklist.setItem', { runId: runs[i % runs.length]!, itemId: `item-${i}`, patch: { done: true, note: 'Revisado en campo' } }));
  }
  return mutations;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** p50 and p95 in ms of pushing `samples` batches of 100 mutations to a fresh server on `engine`. */
export async function measureServerBatch(
  engine: 'sqlite' | 'postgres',
  samples = 50,
): Promise<{ p50: number; p95: number; samples: number }> {
  const server = await startTestServer(engine, { pgUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL });
  try {
    const session = await createLoggedInUser(server, ['gestor']);
    const device = createDeviceQueue();
    const bodies = Array.from({ length: WARM_UP + samples }, () =>
      gzipSync(JSON.stringify({ clientId: device.clientId, mutations: makeBatch(device) })),
    );
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip', ...bearer(session) };
    const times: number[] = [];
    for (const [i, payload] of bodies.entries()) {
      const started = performance.now();
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers, payload });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 200 || res.json().rejected.length > 0) throw new Error(`push failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i >= WARM_UP) times.push(elapsed);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
  } finally {
    await server.close();
  }
}
