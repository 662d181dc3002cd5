/**
 * A participant's own door (`/t/<CÓDIGO>`): what this phone remembers of it — the workshop kept
 * for an offline return, a check-in, an opinion — so a reload shows it as done. Loaded after the
 * door is drawn (./door-lookup finds the workshop without it). Offline the memory is the device's own.
 */
import type { ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import { getDatabases } from '../db/connection';
import { hasSentFeedback } from '../db/feedback-store';
import { readCheckIn } from '../db/attendance-store';
import { keyedLiveSignal } from './live-signal';
import { keepDoorWorkshop } from '../db/workshops-store';
import { WorkshopByCodeResponse } from '../shared/protocol';
import { regionOfDepartment } from '../shared/places/regions';
import type { LocalWorkshop } from './workshop-model';

// The door's lazily loaded memory (./door-lookup) reads the phone's copy of a workshop from here too.
export { watchWorkshopByCode } from './workshop-model';

/**
 * Keeps the workshop a door was answered with (./door-lookup) for an offline return, once the
 * answer passes the protocol's own check; the catalogue cursor does not move.
 */
export async function keepDoorAnswer(body: unknown): Promise<void> {
  const parsed = v.safeParse(WorkshopByCodeResponse, body);
  if (parsed.success && parsed.output.change.table === 'workshops' && parsed.output.change.row) await keepDoorWorkshop(getDatabases().catalogue, parsed.output.change);
}

/** The name this phone checked in with at the workshop, live; null when it has not. */
export const watchCheckIn: (workshopId: string) => ReadonlySignal<string | null | undefined> = keyedLiveSignal<[string], string | null | undefined>(
  async (workshopId) => (await readCheckIn(getDatabases().user, workshopId)) ?? null,
  undefined,
);

/** Whether this phone sent (or queued) its opinion of the workshop, live. */
export const watchFeedbackSent: (workshopId: string) => ReadonlySignal<boolean | undefined> = keyedLiveSignal<[string], boolean | undefined>(
  (workshopId) => hasSentFeedback(getDatabases().user, workshopId),
  undefined,
);

/** The RED region of the workshop's place, to start the check-in with (empty when unknown or virtual). */
export function findWorkshopRegion(workshop: Pick<LocalWorkshop, 'placeCode'>): string {
  const code = workshop.placeCode ?? '';
  if (code.length < 2) return '';
  return regionOfDepartment(code.slice(0, 2), code.length >= 4 ? code.slice(0, 4) : undefined) ?? '';
}
