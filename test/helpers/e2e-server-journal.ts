/**
 * The e2e server's journal of requests, read from its own log (Fastify logs every request on
 * arrival at level info, with its Host header): what a phone sent, and when the server got it.
 */

/** One request as the server logged it on arrival. */
export interface ServerRequest {
  /** When the server received it (ms since the epoch, the server's own clock). */
  time: number;
  method: string;
  url: string;
  /** The Host header: `127.0.0.1:<port>`, which tells each phone's forwarder apart. */
  host: string;
}

/** Reads the server's JSON log lines as they arrive and keeps its "incoming request" lines. */
export function journalRequests(journal: ServerRequest[]): (chunk: string) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"incoming request"')) continue;
      try {
        const entry = JSON.parse(line) as { time: number; req: { method: string; url: string; host: string } };
        journal.push({ time: entry.time, method: entry.req.method, url: entry.req.url, host: entry.req.host });
      } catch {
        // Not a log line of ours (a partial write or another tool's output).
      }
    }
  };
}

let fences = 0;

export async function flushJournal(url: string, journal: readonly ServerRequest[]): Promise<number> {
  const marker = `/api/health?rig-fence=${process.pid}-${++fences}`;
  await (await fetch(`${url}${marker}`)).arrayBuffer();
  const answeredAt = Date.now();
  const deadline = answeredAt + 10_000;
  while (!journal.some((request) => request.url === marker)) {
    if (Date.now() > deadline) throw new Error('El registro de peticiones del servidor no muestra la petición de control: ¿cambió el formato del registro (Fastify, nivel info)?');
    await new Promise((r) => setTimeout(r, 20));
  }
  return answeredAt;
}
