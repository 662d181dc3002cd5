/**
 * Finding a participant's workshop at the door (`/t/<CÓDIGO>`, #12) without the device's runtime:
 * the answer the server wrote into the page (or the request started as the page loaded) is read
 * here, checked for what the door draws, and shown at once. The device's storage and schemas
 * (Dexie, valibot: ~58 KB, over a second of Slow 3G) load after, from ./participant-model: they
 * keep the workshop for an offline return, after the protocol's full check, and say what this
 * phone already did there. Only the server's answer says there is no such workshop.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { LocalWorkshop } from '../db/catalogue-db';
import { doorWorkshopPath, takePrefetchedDoor } from '../sync/door-prefetch';

/**
 * Where the search for a workshop stands: still asking the server, the workshop the server sent,
 * no such code, no connection, or the server could not be reached for another reason.
 */
export type WorkshopLookup = 'loading' | LocalWorkshop | 'missing' | 'offline' | 'failed';

type DoorMemory = typeof import('./participant-model');

const memory = signal<DoorMemory | undefined>(undefined);
let isMemoryAsked = false;

/**
 * What this phone keeps of its doors (its copy of workshops, its check-ins and opinions), once
 * that code is here; undefined until then. Read it in a render: the screen redraws when it comes.
 */
export function readDoorMemory(): DoorMemory | undefined {
  if (!isMemoryAsked) {
    isMemoryAsked = true;
    import('./participant-model').then((m) => void (memory.value = m), () => void (isMemoryAsked = false)); // offline and not cached: asked again on the next render
  }
  return memory.value;
}

/** The workshop in a by-code answer when it has what the door draws, or undefined. The full schema check comes before it is stored. */
export function readDoorWorkshop(body: unknown): LocalWorkshop | undefined {
  const change = (body as { change?: { table?: unknown; id?: unknown; version?: unknown; row?: unknown } } | null)?.change;
  const row = change?.row as Record<string, unknown> | null | undefined;
  if (change?.table !== 'workshops' || typeof change.id !== 'string' || !Number.isInteger(change.version) || typeof row !== 'object' || !row) return undefined;
  const isText = (key: string) => typeof row[key] === 'string';
  const isInstant = (key: string) => isText(key) && !Number.isNaN(Date.parse(row[key] as string));
  if (!['code', 'title', 'modality'].every(isText) || !['startsAt', 'endsAt'].every(isInstant)) return undefined;
  return { ...(row as unknown as LocalWorkshop), id: change.id, syncVersion: change.version as number };
}

/** A door with no answer started at page load (another code opened inside the app) asks through the device's transport. */
async function askAgain(code: string): Promise<Response> {
  const { getTransport } = await import('../sync/transport');
  return getTransport()(doorWorkshopPath(code), { method: 'GET' });
}

async function askDoor(code: string): Promise<{ lookup: Exclude<WorkshopLookup, 'loading'>; body?: unknown }> {
  let response: Response;
  try {
    response = await (takePrefetchedDoor(code) ?? askAgain(code));
  } catch {
    return { lookup: 'offline' };
  }
  // 400: not a code's shape at all; 404: no live workshop has it. Either way, no such workshop.
  if (response.status === 404 || response.status === 400) return { lookup: 'missing' };
  if (!response.ok) return { lookup: 'failed' };
  const body: unknown = await response.json().catch(() => undefined); // not JSON: a captive portal's page
  const workshop = readDoorWorkshop(body);
  return workshop ? { lookup: workshop, body } : { lookup: 'failed' };
}

/**
 * Asks for the one workshop `code` names (#12: not the whole catalogue), beside the phone's own
 * copy: the door shows the answer at once and keeps it on the phone for an offline return (a
 * phone that cannot store still shows it this time). While the answer is on its way the screen
 * says it is loading; offline, that there is no connection.
 */
export function lookUpWorkshop(code: string): ReadonlySignal<WorkshopLookup> {
  const state = signal<WorkshopLookup>('loading');
  void askDoor(code).then(({ lookup, body }) => {
    state.value = lookup;
    if (body !== undefined) void import('./participant-model').then((m) => m.keepDoorAnswer(body)).catch(() => undefined);
  }, () => void (state.value = 'failed'));
  return state;
}
