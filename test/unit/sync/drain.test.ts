import { describe, expect, it } from 'vitest';
import { recordMutation } from '../../../src/db/record-mutation';
import { uuidv7 } from '../../../src/shared/ids';
import { drainOutbox } from '../../../src/sync/push';
import { readSession } from '../../../src/db/meta-store';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { acceptAll, createDevice, createSignedInDeviceWithEvents, json, queueEvents, scriptTransport, signIn, type SeenRequest } from './device-fixture';

type Mutations = { seq: number; name: string; hlc: string }[];
const mutationsOf = (request: SeenRequest) => (request.body as { mutations: Mutations }).mutations;
const round = () => ({ refreshed: false });

describe('draining the outbox', () => {
  it('sends queued mutations gzip-compressed, in seq order, with the bearer token, and empties the outbox', async () => {
    const dbs = await createSignedInDeviceWithEvents(3);
    const { transport, seen } = scriptTransport(acceptAll);
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toEqual({ kind: 'done' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-encoding']).toBe('gzip');
    expect(seen[0]!.headers.authorization).toBe('Bearer access-1');
    expect(mutationsOf(seen[0]!).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(mutationsOf(seen[0]!).every((m) => m.name === 'event.save')).toBe(true);
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('deletes only the rows up to the lastSeq the server confirmed', async () => {
    const dbs = await createSignedInDeviceWithEvents(3);
    let calls = 0;
    const { transport } = scriptTransport(() => (calls++ === 0 ? json(200, { lastSeq: 2, rejected: [] }) : json(503, { error: { code: 'unavailable', message: 'x' } })));
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome.kind).toBe('transient');
    expect((await dbs.user.outbox.toArray()).map((r) => r.seq)).toEqual([3]);
  });

  it('moves rejected mutations to the attention list in the same step and keeps nothing else', async () => {
    const dbs = await createSignedInDeviceWithEvents(3);
    const { transport } = scriptTransport(() =>
      json(200, { lastSeq: 3, rejected: [{ seq: 2, code: 'not_owner', message: ERROR_MESSAGES.not_owner }] }),
    );
    await drainOutbox({ ...dbs, transport }, round());
    expect(await dbs.user.outbox.count()).toBe(0);
    const rejected = await dbs.user.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ seq: 2, name: 'event.save', code: 'not_owner', message: ERROR_MESSAGES.not_owner });
  });

  it.each([
    [500, {}, 'internal', undefined],
    [503, { 'retry-after': '120' }, 'unavailable', 120_000],
    [429, { 'retry-after': '7' }, 'rate_limited', 7_000],
  ] as const)('treats a %i answer as transient, keeps every row and reads Retry-After', async (status, headers, code, retryAfterMs) => {
    const dbs = await createSignedInDeviceWithEvents(2);
    const { transport } = scriptTransport(() => json(status, { error: { code, message: 'x' } }, headers));
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toMatchObject({ kind: 'transient', code, message: ERROR_MESSAGES[code] });
    expect(outcome.kind === 'transient' ? outcome.retryAfterMs : 'none').toBe(retryAfterMs);
    expect(await dbs.user.outbox.count()).toBe(2);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const dbs = createDevice(() => now);
    await signIn(dbs);
    await queueEvents(dbs, 1);
    const { transport } = scriptTransport(() => json(503, {}, { 'retry-after': 'Sun, 29 Nov 2026 12:01:30 GMT' }));
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toMatchObject({ kind: 'transient', retryAfterMs: 90_000 });
  });

  it.each([
    ['a page that is not JSON (a captive portal)', () => new Response('<html>Inicie sesión en el wifi</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['JSON of another shape', () => json(200, { ok: true })],
  ])('an answer it cannot read (%s) drops nothing and is tried again later', async (_case, answer) => {
    const dbs = await createSignedInDeviceWithEvents(2);
    const { transport } = scriptTransport(answer);
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toEqual({ kind: 'transient', code: 'unavailable', message: ERROR_MESSAGES.unavailable });
    expect(await dbs.user.outbox.count()).toBe(2);
    expect(await dbs.user.rejected.count()).toBe(0);
  });

  it('keeps every row when the network fails', async () => {
    const dbs = await createSignedInDeviceWithEvents(2);
    const outcome = await drainOutbox({ ...dbs, transport: () => Promise.reject(new TypeError('Failed to fetch')) }, round());
    expect(outcome).toEqual({ kind: 'transient', code: 'network', message: ERROR_MESSAGES.network });
    expect(await dbs.user.outbox.count()).toBe(2);
  });

  it('on 401 rotates the refresh token once, stores the new session and sends with it', async () => {
    const dbs = await createSignedInDeviceWithEvents(1);
    const { transport, seen } = scriptTransport((request) => {
      if (request.path === '/api/auth/refresh') {
        return json(200, { accessToken: 'access-2', refreshToken: 'refresh-token-0000000000002', expiresIn: 900, user: { id: 'u', email: 'a@b.pe', name: 'A', roles: ['gestor'] } });
      }
      return request.headers.authorization === 'Bearer access-2' ? acceptAll(request) : json(401, { error: { code: 'unauthorized', message: 'x' } });
    });
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toEqual({ kind: 'done' });
    expect(seen.map((r) => r.path)).toEqual(['/api/sync/push', '/api/auth/refresh', '/api/sync/push']);
    expect(seen[1]!.body).toEqual({ refreshToken: 'refresh-token-0000000000001' });
    expect((await readSession(dbs.user))?.refreshToken).toBe('refresh-token-0000000000002');
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('on 401 with a refused refresh token asks for a login and leaves the outbox untouched', async () => {
    const dbs = await createSignedInDeviceWithEvents(2);
    const before = await dbs.user.outbox.toArray();
    const { transport, seen } = scriptTransport(() => json(401, { error: { code: 'unauthorized', message: 'x' } }));
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toEqual({ kind: 'needs-login', message: ERROR_MESSAGES.unauthorized });
    expect(seen.map((r) => r.path)).toEqual(['/api/sync/push', '/api/auth/refresh']);
    expect(await dbs.user.outbox.toArray()).toEqual(before);
    expect((await readSession(dbs.user))?.expired).toBe(true);
    // A later round does not knock again with tokens the server already refused.
    const again = await drainOutbox({ ...dbs, transport }, round());
    expect(again.kind).toBe('needs-login');
    expect(seen).toHaveLength(2);
  });

  it('asks for a login without sending anything when nobody is signed in', async () => {
    const dbs = createDevice();
    await queueEvents(dbs, 1);
    const { transport, seen } = scriptTransport(acceptAll);
    expect((await drainOutbox({ ...dbs, transport }, round())).kind).toBe('needs-login');
    expect(seen).toHaveLength(0);
  });

  it('on 426 stops with the Spanish update message and keeps the rows for the new version', async () => {
    const dbs = await createSignedInDeviceWithEvents(2);
    const { transport } = scriptTransport(() => json(426, { error: { code: 'upgrade_required', message: 'x' } }));
    const outcome = await drainOutbox({ ...dbs, transport }, round());
    expect(outcome).toEqual({ kind: 'upgrade', message: ERROR_MESSAGES.upgrade_required });
    expect(outcome.kind === 'upgrade' && outcome.message).toMatch(/Actualice la aplicación/);
    expect(await dbs.user.outbox.count()).toBe(2);
  });

  it('on 413 halves the batch until the server takes it, and still sends everything once', async () => {
    const dbs = await createSignedInDeviceWithEvents(5);
    const { transport, seen } = scriptTransport((request) =>
      mutationsOf(request).length > 2 ? json(413, { error: { code: 'payload_too_large', message: 'x' } }) : acceptAll(request),
    );
    expect(await drainOutbox({ ...dbs, transport }, round())).toEqual({ kind: 'done' });
    const accepted = seen.filter((r) => mutationsOf(r).length <= 2).flatMap((r) => mutationsOf(r).map((m) => m.seq));
    expect(accepted).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map((r) => mutationsOf(r).length)).toEqual([5, 3, 2, 2, 1]);
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('without a session sends participants’ mutations at most 5 per push, without a bearer', async () => {
    const dbs = createDevice();
    const workshopId = uuidv7();
    for (let i = 0; i < 12; i += 1) {
      await recordMutation(dbs.user, 'feedback.submit', { id: uuidv7(), workshopId, ratings: { contenido: 5, facilitacion: 4, utilidad: 5, organizacion: 4 }, recommend: 9, workshopCode: 'DRAUT7' });
    }
    const { transport, seen } = scriptTransport(acceptAll);
    expect(await drainOutbox({ ...dbs, transport }, round())).toEqual({ kind: 'done' });
    expect(seen.map((r) => mutationsOf(r).length)).toEqual([5, 5, 2]);
    expect(seen.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('sends at most 500 mutations per push', async () => {
    const dbs = await createSignedInDeviceWithEvents(1001);
    const { transport, seen } = scriptTransport(acceptAll);
    expect(await drainOutbox({ ...dbs, transport }, round())).toEqual({ kind: 'done' });
    expect(seen.map((r) => mutationsOf(r).length)).toEqual([500, 500, 1]);
  }, 30_000);
});

describe('an access token that ran out while offline', () => {
  it('is renewed before sending, so the push is not refused first', async () => {
    const now = Date.parse('2026-11-29T18:00:00Z');
    const dbs = createDevice(() => now);
    await signIn(dbs, { expiresAt: '2026-11-29T17:00:00.000Z' });
    await queueEvents(dbs, 1);
    const { transport, seen } = scriptTransport((request) =>
      request.path === '/api/auth/refresh'
        ? json(200, { accessToken: 'access-2', refreshToken: 'refresh-token-0000000000002', expiresIn: 900, user: { id: 'u', email: 'a@b.pe', name: 'A', roles: ['gestor'] } })
        : request.headers.authorization === 'Bearer access-2'
          ? acceptAll(request)
          : json(401, {}),
    );
    expect(await drainOutbox({ ...dbs, transport }, { refreshed: false })).toEqual({ kind: 'done' });
    expect(seen.map((r) => r.path)).toEqual(['/api/auth/refresh', '/api/sync/push']);
    expect((await readSession(dbs.user))?.expiresAt).toBe('2026-11-29T18:15:00.000Z');
  });
});
