/**
 * A participant's own door (`/t/<CÓDIGO>`): finding the workshop on a first visit, and what this
 * phone remembers having done there (a check-in, an opinion), so a reload shows it as done.
 * Offline the memory is the device's own; finding a workshop needs one pull with a connection.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { hasSentFeedback } from '../db/feedback-store';
import { readCheckIn } from '../db/attendance-store';
import { keyedLiveSignal } from './live-signal';
import { syncNow, syncStatus } from './sync-model';
import { regionOfDepartment } from '../shared/places/regions';
import type { LocalWorkshop } from './workshop-model';

/**
 * Where the search for a workshop not on this phone stands: still asking the server, the server
 * answered and has no such code, no connection, or the server could not be reached for another reason.
 */
export type WorkshopLookup = 'loading' | 'missing' | 'offline' | 'failed';

/**
 * Asks the server for the programme (one pull) and says what that means for a code this phone
 * does not have: only a pull that finished is the server saying "no such workshop"; while it
 * runs the screen says it is loading, and offline it says to come back with a connection.
 */
export function lookUpWorkshop(): ReadonlySignal<WorkshopLookup> {
  const state = signal<WorkshopLookup>('loading');
  void syncNow().then(
    () => (state.value = describeLookup(syncStatus.value.phase)),
    () => (state.value = 'failed'),
  );
  return state;
}

/** What a finished pull's phase says about a code that is still not on the phone. */
export function describeLookup(phase: string): WorkshopLookup {
  if (phase === 'idle') return 'missing';
  if (phase === 'offline') return 'offline';
  return 'failed';
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
