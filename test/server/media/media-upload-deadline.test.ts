/**
 * A photo upload's deadline grows with its size (#13): the request deadline plus its bytes at the
 * slowest honest rate. Scaled down so the test is quick: a 1 s request deadline and 2,000 bytes/s,
 * so a 4 KB photo may take 1 s + 2 s. Sent honestly at ~2.7 KB/s it needs 1.5 s, past the plain
 * request deadline, and is stored; trickled at 100 bytes/s it is cut with 408 near 3 s, in
 * Spanish, and nothing is stored. Any other body keeps the plain deadline (slow-client.test.ts).
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/shared/errors';
import type { SessionResponse } from '../../../src/shared/protocol';
import { makeJpeg, sha256Of } from '../../helpers/images';
import { attachPhoto, createRun, getMedia } from '../../helpers/media';
import { bearer, createLoggedInUser, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';

const REQUEST_MS = 1_000;
const MIN_BYTES_PER_SECOND = 2_000;

/** Sends the photo's headers, then `chunk` bytes every `everyMs`; resolves with what came back and when the answer ended. */
async function sendSlowly(port: number, user: SessionResponse, sha: string, photo: Buffer, chunk: number, everyMs: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let received = '';
  socket.on('data', (data: Buffer) => void (received += data.toString('utf8')));
  socket.on('error', () => undefined);
  const started = performance.now();
  socket.write(
    `PUT /api/media/${sha} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer(user).authorization}\r\n` +
      `Content-Type: image/jpeg\r\nContent-Length: ${photo.length}\r\nConnection: close\r\n\r\n`,
  );
  let sent = 0;
  const sender = setInterval(() => {
    if (socket.destroyed || sent >= photo.length) return;
    socket.write(photo.subarray(sent, sent + chunk));
    sent += chunk;
  }, everyMs);
  await new Promise<void>((resolve) => socket.on('close', () => resolve()));
  clearInterval(sender);
  return { received, sentAll: sent >= photo.length, elapsedMs: performance.now() - started };
}

describe.each(ENGINES)('the deadline of a photo upload on %s', (engine) => {
  let server: TestServer;
  let port: number;
  let gestor: SessionResponse;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer(engine, { httpTimeouts: { requestMs: REQUEST_MS, idleSocketMs: 5_000, uploadMinBytesPerSecond: MIN_BYTES_PER_SECOND } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
    gestor = await createLoggedInUser(server, ['gestor']);
    runId = await createRun(server, gestor);
  });
  afterAll(async () => server.close());

  it('a 4 KB photo sent slowly but steadily (1.5 s, past the plain request deadline) is stored', async () => {
    const jpeg = makeJpeg({ comment: Buffer.alloc(4_000, 0x41) });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    const { received, sentAll, elapsedMs } = await sendSlowly(port, gestor, sha, jpeg, 400, 150);
    expect(received).toMatch(/^HTTP\/1\.1 201/);
    expect(sentAll).toBe(true);
    expect(elapsedMs).toBeGreaterThan(REQUEST_MS);
    expect((await getMedia(server.app, gestor, sha)).statusCode).toBe(200);
  });

  it('the same size trickled at 100 bytes/s is cut with 408 near its own deadline (1 s + 2 s), in Spanish, and nothing is stored', async () => {
    const jpeg = makeJpeg({ comment: Buffer.alloc(4_000, 0x42) });
    const sha = sha256Of(jpeg);
    await attachPhoto(server, gestor, runId, sha);
    const deadlineMs = REQUEST_MS + (jpeg.length * 1000) / MIN_BYTES_PER_SECOND;
    const { received, sentAll, elapsedMs } = await sendSlowly(port, gestor, sha, jpeg, 10, 100);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain(REFUSALS.bodyTooSlow);
    expect(sentAll).toBe(false);
    expect(elapsedMs).toBeGreaterThanOrEqual(deadlineMs * 0.9);
    expect(elapsedMs).toBeLessThan(deadlineMs + 1_500);
    expect((await getMedia(server.app, gestor, sha)).statusCode).toBe(404);
  });
});
