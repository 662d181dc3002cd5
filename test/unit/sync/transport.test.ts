import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../../src/sync/push';
import { createFetchTransport } from '../../../src/sync/transport';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { createDevice, queueEvents, signIn } from './device-fixture';

describe('the fetch transport', () => {
  let server: Server;
  let baseUrl = '';
  // A server that takes the request and never answers: a link that died mid-push.
  beforeAll(async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up a request that gets no answer, so a stalled push ends as a network failure and keeps the outbox', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 2);
    const started = Date.now();
    const outcome = await drainOutbox({ ...dbs, transport: createFetchTransport(baseUrl, 300) }, { refreshed: false });
    expect(outcome).toEqual({ kind: 'transient', code: 'network', message: ERROR_MESSAGES.network });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await dbs.user.outbox.count()).toBe(2);
  });
});
