/**
 * The RED programme on this device: workshops pulled from the server (catalogue, no account
 * needed) and those a facilitador saves here, shown at once and sent by sync when online.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { keyedLiveSignal, liveSignal } from './live-signal';
import { recordMutation } from '../db/record-mutation';
import { keepOwnWorkshopLead, keepWorkshopTeam } from '../db/workshop-leads-store';
import { findWorkshopByCode, getWorkshop, keepLocalWorkshop, listWorkshops, type LocalWorkshop } from '../db/workshops-store';
import { uuidv7 } from '../shared/ids';
import { WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_LENGTH, type WorkshopSaveArgs } from '../shared/schemas/workshop';

export type { LocalWorkshop };

/** Every workshop on the device, soonest first, live. */
export const allWorkshops: ReadonlySignal<LocalWorkshop[]> = liveSignal(() => listWorkshops(getDatabases().catalogue), []);

/** Whether a workshop has ended by `nowMs`. */
export function isPast(workshop: Pick<LocalWorkshop, 'endsAt'>, nowMs: number = Date.now()): boolean {
  return Date.parse(workshop.endsAt) < nowMs;
}

/** Upcoming (and running) workshops soonest first, and past ones latest first. */
export function splitWorkshops(rows: readonly LocalWorkshop[], nowMs: number = Date.now()): { upcoming: LocalWorkshop[]; past: LocalWorkshop[] } {
  const upcoming = rows.filter((w) => !isPast(w, nowMs));
  const past = rows.filter((w) => isPast(w, nowMs)).reverse();
  return { upcoming, past };
}

/** The programme split in upcoming and past, live. */
export const programme = computed(() => splitWorkshops(allWorkshops.value));

export { isWindowOpen, findWindowState } from '../shared/workshop-window';

/** One workshop, live: undefined while loading, null when the device does not have it. */
export const watchWorkshop: (id: string) => ReadonlySignal<LocalWorkshop | undefined | null> = keyedLiveSignal<[string], LocalWorkshop | undefined | null>(
  async (id) => (await getWorkshop(getDatabases().catalogue, id)) ?? null,
  undefined,
);

const watchCode = keyedLiveSignal<[string], LocalWorkshop | undefined | null>(
  async (code) => (await findWorkshopByCode(getDatabases().catalogue, code)) ?? null,
  undefined,
);

/** The workshop with a public code, live: undefined while loading, null until a pull brings it. */
export function watchWorkshopByCode(code: string): ReadonlySignal<LocalWorkshop | undefined | null> {
  return watchCode(code.trim().toUpperCase());
}

/** A new public code from the unambiguous alphabet, drawn with the device's secure random source. */
export function generateWorkshopCode(random: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n))): string {
  return [...random(WORKSHOP_CODE_LENGTH)].map((r) => WORKSHOP_CODE_ALPHABET[r % WORKSHOP_CODE_ALPHABET.length]).join('');
}

/** What the form gives to save: a new workshop has no id or code yet. */
export type WorkshopInput = Omit<WorkshopSaveArgs, 'id' | 'code'> & { id?: string; code?: string };

/**
 * Saves a workshop (new or edited) and queues `workshop.save`; returns its id. Offline it shows
 * at once in the programme (a local copy in the catalogue database) and waits in the outbox.
 * Throws ValidationError / StorageError in Spanish.
 */
export async function saveWorkshop(input: WorkshopInput): Promise<string> {
  const args = { ...input, id: input.id ?? uuidv7(), code: input.code ?? generateWorkshopCode() } as WorkshopSaveArgs;
  const { user, catalogue } = getDatabases();
  await recordMutation(user, 'workshop.save', args);
  if (!input.id) await keepOwnWorkshopLead(user, args.id); // theirs before any pull says so
  if (args.cofacilitatorIds) await keepWorkshopTeam(user, args.id, args.cofacilitatorIds);
  // The public programme row on this device carries no account ids, as the server's does not.
  const { cofacilitatorIds: _team, ...programme } = args;
  await keepLocalWorkshop(catalogue, { ...programme, updatedAt: new Date().toISOString() });
  return args.id;
}

/** The absolute link participants open (and the QR code encodes): `<origin>/t/<CODE>`. */
export function buildParticipantLink(code: string, origin: string = globalThis.location?.origin ?? ''): string {
  return `${origin}/t/${code}`;
}
