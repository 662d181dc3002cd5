import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { getEvent, listActiveEvents, type LocalEvent } from '../db/events-store';
import { keyedLiveSignal, liveSignal } from './live-signal';
import { recordMutation } from '../db/record-mutation';
import { uuidv7 } from '../shared/ids';
import type { EventSaveArgs } from '../shared/schemas/event';

/**
 * The person's events. Every save is one transaction over `events` and the outbox, so it shows
 * at once and survives a reload offline; sync sends it when there is a connection.
 */

/** What a form gives to save: a new event has no id yet. */
export type EventInput = Omit<EventSaveArgs, 'id'> & { id?: string };

export type { LocalEvent };

/**
 * Saves an event (new or edited) on the device and queues `event.save`. Returns its id. Throws
 * a ValidationError (bad input) or StorageError (full or missing storage), both in Spanish.
 */
export async function saveEvent(input: EventInput): Promise<string> {
  const id = input.id ?? uuidv7();
  await recordMutation(getDatabases().user, 'event.save', { ...input, id });
  return id;
}

/** Archives an event on the device and queues `event.archive`; archiving twice is harmless. */
export async function archiveEvent(id: string): Promise<void> {
  await recordMutation(getDatabases().user, 'event.archive', { id });
}

/** The events not archived, soonest first, live from the device database. */
export const activeEvents: ReadonlySignal<LocalEvent[]> = liveSignal(() => listActiveEvents(getDatabases().user), []);

/** One event, live (undefined until loaded or when it does not exist). The same signal per id. */
export const watchEvent: (id: string) => ReadonlySignal<LocalEvent | undefined> = keyedLiveSignal(
  (id) => getEvent(getDatabases().user, id),
  undefined,
);
