/**
 * A participant's door (`/t/<CÓDIGO>`, #12) takes its workshop from the page when the server
 * wrote it there (a first visit: no request at all), or else asks for it as the page starts,
 * before the screen's chunks arrive: on Slow 3G every request costs two seconds of latency, and
 * this one then runs beside the chunk downloads instead of after them. Tiny on purpose: it rides
 * in the main chunk (plain fetch, no schema); src/state/door-lookup.ts reads and checks the answer.
 */

/** The frames without staff navigation, whose screens need no catalogue: the QR door and a constancia's check. */
export function isParticipantPath(path: string): boolean {
  return path.startsWith('/t/') || path.startsWith('/v/');
}

/** The workshop code in a door's path (`/t/abc234/asistencia` → `ABC234`), or undefined. */
export function readDoorCode(path: string): string | undefined {
  const raw = /^\/t\/([^/?#]+)/.exec(path)?.[1];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).trim().toUpperCase();
  } catch {
    return undefined; // a malformed %-escape: the screen says the code matches no workshop
  }
}

/** The address that answers one workshop by its code. */
export function doorWorkshopPath(code: string): string {
  return `/api/workshops/by-code/${encodeURIComponent(code)}`;
}

let early: { code: string; answer: Promise<Response> } | undefined;

/**
 * Takes the door's workshop when `path` is a door: `inlineAnswer`, the answer the server wrote
 * into the page (src/shared/door-page.ts; absent from the service worker's precached index.html),
 * read as the response the API would give, or else a request started now. Anything else is left alone.
 */
export function prefetchDoorWorkshop(path: string, inlineAnswer?: string | null): void {
  const code = readDoorCode(path);
  if (!code) return;
  if (!inlineAnswer && typeof fetch !== 'function') return;
  const answer = inlineAnswer
    ? Promise.resolve(new Response(inlineAnswer, { status: 200, headers: { 'Content-Type': 'application/json' } }))
    : fetch(doorWorkshopPath(code), { credentials: 'omit', cache: 'no-store' });
  answer.catch(() => undefined); // read (and judged) by whoever takes it; never an unhandled rejection
  early = { code, answer };
}

/** The answer started for `code`, once (a later look-up asks again), or undefined. */
export function takePrefetchedDoor(code: string): Promise<Response> | undefined {
  if (early?.code !== code) return undefined;
  const { answer } = early;
  early = undefined;
  return answer;
}
