/**
 * A phone's own way to the server: a local TCP forwarder on its own port, so each phone has its
 * own origin (its service worker and IndexedDB stay with it) and its network can be really cut.
 *
 * Why: Chromium's offline emulation (`context.setOffline(true)`) does not cut everything a phone
 * sends — the browser's own service-worker update check still reaches the server (see the rig
 * self-test in test/e2e/rig.test.ts), and the usability test saw pushes get through. Closing the
 * forwarder cuts every byte: open sockets are destroyed and new connections are refused.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A forwarder from 127.0.0.1:`port` to the server's port. */
export interface Forwarder {
  /** The port the phone talks to (its origin: http://127.0.0.1:port). */
  readonly port: number;
  /** True while it accepts connections. */
  readonly isOpen: boolean;
  /** Stops listening and destroys every open connection, both sides: nothing more gets through. */
  cut(): Promise<void>;
  /** Listens again on the same port (the phone keeps its origin). */
  restore(): Promise<void>;
  /** Cuts for good. */
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Opens a forwarder on a free port (the OS picks it) to 127.0.0.1:`targetPort`. */
export async function openForwarder(targetPort: number): Promise<Forwarder> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const pair = (phoneSide: Socket) => {
    const serverSide = connect(targetPort, '127.0.0.1');
    for (const socket of [phoneSide, serverSide]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      // A server that is down (killed by a test) or a phone that hung up ends both sides.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        phoneSide.destroy();
        serverSide.destroy();
      });
    }
    phoneSide.pipe(serverSide);
    serverSide.pipe(phoneSide);
  };

  const start = async (port: number) => {
    const next = createServer(pair);
    const bound = await listen(next, port);
    server = next;
    return bound;
  };

  const port = await start(0);
  const cut = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };

  return {
    port,
    get isOpen() {
      return server !== undefined;
    },
    cut,
    async restore() {
      if (server) return;
      // The port was ours a moment ago; another process taking it in between is rare, but
      // it would silently give the phone a new origin, so it fails loudly instead.
      await start(port).catch((error: unknown) => {
        throw new Error(`No se pudo reabrir el reenviador en el puerto ${port}: ${String(error)}`);
      });
    },
    close: cut,
  };
}
