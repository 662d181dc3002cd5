/**
 * Photos on PostgreSQL live in the database, so two server processes on one database serve the
 * same photos; and an upload that trickles is cut by the request deadline like any other body.
 */
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SessionResponse } from '../../../src/shared/protocol';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, getMedia, putMedia } from '../../helpers/media';
import { bearer, createLoggedInUser, startTestServer, type TestServer } from '../../helpers/server-app';

describe.skipIf(!process.env.TEST_DATABASE_URL)('photos with two server processes on one PostgreSQL', () => {
  let server: TestServer;
  let twin: FastifyInstance;
  let gestor: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer('postgres');
    twin = await server.startTwin();
    gestor = await createLoggedInUser(server, ['gestor']);
    runId = await createRun(server, gestor);
  });
  afterAll(async () => {
    await twin.close();
    await server.close();
  });

  it('a photo sent to one process is served by the other', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('proceso A') });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    expect((await putMedia(twin, gestor, sha, jpeg)).statusCode).toBe(201);
    const read = await getMedia(server.app, gestor, sha);
    expect(read.statusCode).toBe(200);
    expect(Buffer.compare(read.rawPayload, jpeg)).toBe(0);
  });

  it('the same photo sent to both processes at once is stored once, and both answers succeed', async () => {
    const jpeg = makeJpeg({ comment: Buffer.from('a la vez') });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    const answers = await Promise.all([putMedia(server.app, gestor, sha, jpeg), putMedia(twin, gestor, sha, jpeg)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    const rows = await server.store.db.selectFrom('media_objects').select('sha256').where('sha256', '=', sha).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('an upload that trickles', () => {
  const REQUEST_MS = 1_000;
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { httpTimeouts: { requestMs: REQUEST_MS, idleSocketMs: 5_000 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => server.close());

  it('is cut with 408 near the request deadline, and nothing is stored', async () => {
    const gestor = await createLoggedInUser(server, ['gestor']);
    const jpeg = makeJpeg({ comment: Buffer.alloc(400, 0x20) });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, await createRun(server, gestor), sha);
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (chunk: Buffer) => void (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const started = performance.now();
    socket.write(
      `PUT /api/media/${sha} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer(gestor).authorization}\r\n` +
        `Content-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`,
    );
    // Ten bytes every 100 ms: the photo would take 5 s; the socket is never idle.
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sent >= jpeg.length) return;
      socket.write(jpeg.subarray(sent, sent + 10));
      sent += 10;
    }, 100);
    await closed;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(jpeg.length);
    expect(performance.now() - started).toBeLessThan(REQUEST_MS * 2 + 1_000);
    expect((await getMedia(server.app, gestor, sha)).statusCode).toBe(404);
  });
});
