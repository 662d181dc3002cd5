/**
 * How the device talks HTTP. The transport is passed in, so tests and the simulator swap
 * `fetch` for the real server called in-process; the app and the service worker use fetch.
 */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

/**
 * How long one request may take before it is given up. A sync round holds the cross-tab Web Lock
 * while it waits, so a request stalled on a dying 2G link would hold off the other tabs and the
 * service worker until the browser's own socket timeout. 90 s still carries the largest push
 * (≤ 1 MiB of JSON, ~200 KiB gzip) at ~20 kbit/s; a given-up request counts as a network failure,
 * and if the server had applied it, the retry is answered as a replay.
 */
export const REQUEST_TIMEOUT_MS = 90_000;

/** A transport over `fetch` to the same origin (or `baseUrl`); tokens travel in headers only. */
export function createFetchTransport(baseUrl = '', timeoutMs = REQUEST_TIMEOUT_MS): Transport {
  return (path, init) => {
    const signal = init.signal ?? (typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined);
    return fetch(baseUrl + path, { ...init, ...(signal ? { signal } : {}), credentials: 'omit', cache: 'no-store' });
  };
}

let appTransport: Transport | undefined;

/** The transport the app's models use (fetch unless a test set another). */
export function getTransport(): Transport {
  appTransport ??= createFetchTransport();
  return appTransport;
}

/** Replaces the app's transport (tests). */
export function setTransport(transport: Transport | undefined): void {
  appTransport = transport;
}

/** JSON encoded as UTF-8 and, where the runtime can, gzip-compressed (a push body shrinks ~5–10×). */
export async function encodeJsonBody(value: unknown): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof CompressionStream === 'undefined') return { body: bytes, headers };
  try {
    const stream = new Response(bytes).body!.pipeThrough(new CompressionStream('gzip'));
    const body = new Uint8Array(await new Response(stream).arrayBuffer());
    return { body, headers: { ...headers, 'content-encoding': 'gzip' } };
  } catch {
    // A runtime with a partial Streams API: send it uncompressed rather than not at all.
    return { body: bytes, headers };
  }
}

/** Reads `{error: {code, message}}` from an error answer, or undefined when the body is not that. */
export async function readErrorBody(response: Response): Promise<{ code: string; message: string } | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
  } catch {
    return undefined;
  }
}
