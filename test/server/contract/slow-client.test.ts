/**
 * A client cannot hold the server with a slow body or a silent socket (security report L7):
 * a raw socket sends a login body one byte at a time, well inside the idle limit but past the
 * request deadline, and is cut with 408; a socket that sends nothing is closed. The engine does
 * not matter here (no request reaches the database), so it runs on SQLite only.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server-app';

const REQUEST_MS = 1_000;
const IDLE_MS = 1_500;

/** What came back on the socket and when it closed, in ms after `started`. */
interface SocketEnd {
  received: string;
  closedAfterMs: number;
}

function whenClosed(socket: Socket, started: number): Promise<SocketEnd> {
  let received = '';
  socket.on('data', (chunk: Buffer) => void (received += chunk.toString('latin1')));
  return new Promise((resolve) => {
    socket.on('close', () => resolve({ received, closedAfterMs: performance.now() - started }));
    socket.on('error', () => undefined);
  });
}

describe('a slow client on a listening server', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { httpTimeouts: { requestMs: REQUEST_MS, idleSocketMs: IDLE_MS, uploadMinBytesPerSecond: 16_384 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => server.close());

  it('a body trickled byte by byte is cut with 408 near the request deadline', async () => {
    const body = JSON.stringify({ email: 'lenta@tinkuy.test', password: 'una-clave-cualquiera', deviceName: 'Prueba' });
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const started = performance.now();
    const ended = whenClosed(socket, started);
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // One byte every 150 ms: the socket is never idle, the body would take 10 s.
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sent >= body.length) return;
      socket.write(body[sent]!);
      sent += 1;
    }, 150);
    const { received, closedAfterMs } = await ended;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(body.length);
    // Node checks deadlines on a timer (a quarter of the deadline here): cut within ~2× the deadline.
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_MS * 0.9);
    expect(closedAfterMs).toBeLessThan(REQUEST_MS * 2 + 500);
  });

  it('a socket that opens and says nothing is closed', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const { closedAfterMs } = await whenClosed(socket, performance.now());
    expect(closedAfterMs).toBeLessThan(IDLE_MS + 1_000);
  });

  it('an ordinary request on the same server is answered', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});
