import { describe, expect, it } from 'vitest';
import { META_KEYS, readMeta } from '../../../src/db/meta-store';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { HOLD_BACK_AFTER } from '../../../src/sync/push-isolation';
import { drainOutbox } from '../../../src/sync/push';
import { acceptAll, createSignedInDeviceWithEvents, json, scriptTransport, type SeenRequest } from './device-fixture';

const seqsOf = (request: SeenRequest) => (request.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq);
const round = () => ({ refreshed: false });
const internal = () => json(500, { error: { code: 'internal', message: ERROR_MESSAGES.internal } });

/** A server that fails (500) on every batch holding `poison`, and accepts the rest. */
function failOn(poison: number, failure: () => Response = internal) {
  return scriptTransport((request) => (seqsOf(request).includes(poison) ? failure() : acceptAll(request)));
}

describe('a batch that keeps meeting 500s', () => {
  it('is split until the one mutation the server fails on is alone; the others are sent and it is held back after a few tries', async () => {
    const dbs = await createSignedInDeviceWithEvents(8);
    const { transport, seen } = failOn(3);
    const outcomes = [];
    for (let i = 0; i < HOLD_BACK_AFTER; i += 1) outcomes.push(await drainOutbox({ ...dbs, transport }, round()));
    // The first rounds back off as for any 500; the last one holds the offender back and finishes the queue.
    expect(outcomes.slice(0, -1).map((o) => o.kind)).toEqual(Array(HOLD_BACK_AFTER - 1).fill('transient'));
    expect(outcomes.at(-1)).toEqual({ kind: 'done' });
    expect(seen.map(seqsOf)).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [1, 2, 3, 4],
      [1, 2],
      [3, 4],
      [3],
      ...Array(HOLD_BACK_AFTER - 1).fill([3]),
      [4, 5, 6, 7, 8],
    ]);
    expect(await dbs.user.outbox.count()).toBe(0);
    const rejected = await dbs.user.rejected.toArray();
    expect(rejected).toEqual([expect.objectContaining({ seq: 3, name: 'event.save', code: 'held_back', message: ERROR_MESSAGES.held_back })]);
    expect(rejected[0]!.message).toMatch(/^El servidor falló varias veces al recibir este cambio/);
    expect(await readMeta(dbs.user.meta, META_KEYS.pushSuspect)).toBeUndefined();
  });

  it('never sends a later mutation past the one it holds (the server would skip it as a replay)', async () => {
    const dbs = await createSignedInDeviceWithEvents(5);
    const { transport, seen } = failOn(1);
    for (let i = 0; i < HOLD_BACK_AFTER; i += 1) await drainOutbox({ ...dbs, transport }, round());
    const heldAt = seen.findIndex((r, i) => i > 0 && seqsOf(r)[0] === 2);
    expect(seen.slice(0, heldAt).every((r) => seqsOf(r)[0] === 1)).toBe(true);
    expect((await dbs.user.rejected.toArray()).map((r) => r.seq)).toEqual([1]);
  });

  it('a 503 or a lost network never counts against a mutation: it stays queued', async () => {
    const dbs = await createSignedInDeviceWithEvents(2);
    let calls = 0;
    const { transport, seen } = scriptTransport(() => {
      calls += 1;
      // [1, 2] and then [1] alone meet a 500; after that only 503s and lost requests.
      if (calls <= 2) return internal();
      if (calls % 2 === 0) throw new TypeError('Failed to fetch');
      return json(503, { error: { code: 'unavailable', message: 'x' } }, { 'retry-after': '5' });
    });
    for (let i = 0; i < HOLD_BACK_AFTER * 3; i += 1) await drainOutbox({ ...dbs, transport }, round());
    expect(seen.slice(1).map(seqsOf).every((seqs) => seqs.length === 1 && seqs[0] === 1)).toBe(true);
    expect(await readMeta(dbs.user.meta, META_KEYS.pushSuspect)).toEqual({ seq: 1, failures: 1 });
    expect(await dbs.user.outbox.count()).toBe(2);
    expect(await dbs.user.rejected.count()).toBe(0);
  });

  it('a suspect the server accepts in the end is sent, not held back, and the count is forgotten', async () => {
    const dbs = await createSignedInDeviceWithEvents(3);
    let failing = true;
    const { transport } = scriptTransport((request) => (failing && seqsOf(request).includes(2) ? internal() : acceptAll(request)));
    for (let i = 0; i < HOLD_BACK_AFTER - 1; i += 1) await drainOutbox({ ...dbs, transport }, round());
    expect(await readMeta(dbs.user.meta, META_KEYS.pushSuspect)).toEqual({ seq: 2, failures: HOLD_BACK_AFTER - 1 });
    failing = false;
    expect(await drainOutbox({ ...dbs, transport }, round())).toEqual({ kind: 'done' });
    expect(await dbs.user.rejected.count()).toBe(0);
    expect(await dbs.user.outbox.count()).toBe(0);
    expect(await readMeta(dbs.user.meta, META_KEYS.pushSuspect)).toBeUndefined();
  });
});
