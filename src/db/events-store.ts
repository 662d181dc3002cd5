import { mergeFields } from '../shared/merge';
import type { EventArchiveArgs, EventFields, EventRow, EventSaveArgs } from '../shared/schemas/event';
import type { UserDb } from './user-db';

/** An event as kept on the device: the pulled row, with which write set each field. */
export type LocalEvent = EventRow;

/**
 * Applies `event.save` to the local table with the server's merge (last writer wins per field,
 * by HLC), so the screen shows the change at once, offline too. Call inside a transaction.
 */
export async function applyEventSave(db: UserDb, args: EventSaveArgs, hlc: string): Promise<void> {
  const { id, ...fields } = args;
  const existing = await db.events.get(id);
  const { ownerId = '', archived = false, updatedAt: _u, fieldHlc = {}, id: _id, ...values } = existing ?? {};
  const merged = mergeFields<EventFields>({ values, fieldHlc }, fields, hlc);
  if (existing && !merged.changed) return;
  await db.events.put({
    ...(merged.state.values as EventFields),
    id,
    ownerId,
    archived,
    updatedAt: new Date(db.now()).toISOString(),
    fieldHlc: { ...fieldHlc, ...merged.state.fieldHlc },
  });
}

/** Applies `event.archive` locally; archiving twice changes nothing. */
export async function applyEventArchive(db: UserDb, args: EventArchiveArgs, hlc: string): Promise<void> {
  const existing = await db.events.get(args.id);
  if (!existing || existing.archived) return;
  await db.events.put({
    ...existing,
    archived: true,
    updatedAt: new Date(db.now()).toISOString(),
    fieldHlc: { ...existing.fieldHlc, archived: hlc },
  });
}

/** The events not archived, soonest first. */
export async function listActiveEvents(db: UserDb): Promise<LocalEvent[]> {
  const events = await db.events.orderBy('startsAt').toArray();
  return events.filter((e) => !e.archived);
}

/** One event by id, or undefined. */
export function getEvent(db: UserDb, id: string): Promise<LocalEvent | undefined> {
  return db.events.get(id);
}
