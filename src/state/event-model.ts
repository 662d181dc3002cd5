import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { getEvent, listActiveEvents, type LocalEvent } from '../db/events-store';
import { keyedLiveSignal, liveSignal } from './live-signal';
import { recordMutation } from '../db/record-mutation';
import { uuidv7 } from '../shared/ids';
import type { EventSaveArgs, EventTextField } from '../shared/schemas/event';
import { t } from '../shared/i18n/events';
import { forgetLostEdit, listLostFieldEdits, type LostFieldEdit } from '../db/lost-edits-store';

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

/** A title, place or funding source written here that another phone's later edit replaced. */
export type LostEventEdit = LostFieldEdit<EventTextField>;

/** The event's losing texts, live (issue 9: no edit disappears without a trace). */
export const watchLostEventEdits: (id: string) => ReadonlySignal<LostEventEdit[]> = keyedLiveSignal(
  (id) => listLostFieldEdits<EventTextField>(getDatabases().user, 'event', id),
  [],
);

/**
 * Brings back this device's text: the event as it is now with that field put back, saved
 * through the normal `event.save` (it wins now and reaches the other phones), then the kept copy
 * is forgotten.
 */
export async function restoreLostEventEdit(edit: LostEventEdit): Promise<void> {
  const db = getDatabases().user;
  const event = await getEvent(db, edit.rowId);
  if (!event) throw new Error(t('events.lost.gone'));
  const { ownerId: _o, archived: _a, updatedAt: _u, fieldHlc: _f, ...input } = event;
  await saveEvent({ ...input, [edit.field]: edit.text });
  await forgetLostEdit(db, edit.key);
}

/** Forgets a kept losing text: the other phone's version stays. */
export async function dismissLostEventEdit(key: string): Promise<void> {
  await forgetLostEdit(getDatabases().user, key);
}
