/**
 * Issue 9 (security report M7, staff side): a staff device's refusals are kept to answer a
 * replayed push, then pruned after STAFF_REFUSAL_RETENTION_MS — not kept for ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_REFUSAL_RETENTION_MS } from '../../../src/server/workshops/participant-traces';
import type { SessionResponse } from '../../../src/shared/protocol';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, push } from '../../helpers/server-sync';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('staff refusals are pruned after their retention, on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;

  /** A new session for the same kind of account (the clock jumps past any token's life). */
  const signIn = (): Promise<SessionResponse> => createLoggedInUser(server, ['gestor']);
  const countRefusals = async (clientId: string) =>
    (await server.store.db.selectFrom('sync_rejections').select('seq').where('client_id', '=', clientId).execute()).length;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
  });
  afterAll(async () => server.close());

  it('a refusal is answered again on a replay while kept, and is gone after the retention; a newer one stays', async () => {
    const gestora = await signIn();
    const old = createDeviceQueue();
    // Archiving an event that does not exist: one refusal, stored for replays.
    const refused = old.next('event.archive', { id: makeEventArgs().id });
    expect((await push(server, gestora, old.clientId, [refused])).rejected).toHaveLength(1);
    expect((await push(server, gestora, old.clientId, [refused])).rejected).toHaveLength(1);

    clock.advance(STAFF_REFUSAL_RETENTION_MS - 10 * DAY);
    const later = await signIn();
    const recent = createDeviceQueue();
    expect((await push(server, later, recent.clientId, [recent.next('event.archive', { id: makeEventArgs().id })])).rejected).toHaveLength(1);

    clock.advance(11 * DAY);
    // The housekeeping runs at a staff pull (at most once a minute).
    await pull(server, await signIn());
    expect(await countRefusals(old.clientId)).toBe(0);
    expect(await countRefusals(recent.clientId)).toBe(1);
  });
});
