/**
 * A participant's own door (`/t/<CÓDIGO>`): finding the workshop on a first visit, and what this
 * phone remembers having done there (a check-in, an opinion), so a reload shows it as done.
 * Offline the memory is the device's own; finding a workshop needs one small request with a connection.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { hasSentFeedback } from '../db/feedback-store';
import { readCheckIn } from '../db/attendance-store';
import { keyedLiveSignal } from './live-signal';
import { keepDoorWorkshop } from '../db/workshops-store';
import { askWorkshopByCode } from '../sync/workshop-door-client';
import { regionOfDepartment } from '../shared/places/regions';
import type { LocalWorkshop } from './workshop-model';

/**
 * Where the search for a workshop stands: still asking the server, the workshop the server sent,
 * no such code, no connection, or the server could not be reached for another reason.
 */
export type WorkshopLookup = 'loading' | LocalWorkshop | 'missing' | 'offline' | 'failed';

/**
 * Asks the server for the one workshop `code` names (#12: not the whole catalogue), beside the
 * phone's own copy: the door shows the answer at once and keeps it on the phone for an offline
 * return. Only the server's answer says "no such workshop"; while it is on its way the screen
 * says it is loading, and offline it says to come back with a connection.
 */
export function lookUpWorkshop(code: string): ReadonlySignal<WorkshopLookup> {
  const state = signal<WorkshopLookup>('loading');
  void askWorkshopByCode(code)
    .then((answer) => {
      if (answer.kind !== 'found') return void (state.value = answer.kind);
      state.value = { ...(answer.change.row as LocalWorkshop), id: answer.change.id, syncVersion: answer.change.version };
      // Kept for the next visit; a phone that cannot store still shows the workshop this time.
      return keepDoorWorkshop(getDatabases().catalogue, answer.change).catch(() => undefined);
    })
    .catch(() => (state.value = 'failed'));
  return state;
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
