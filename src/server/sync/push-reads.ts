/**
 * The rows a push's handlers read by primary key — events, checklist runs and items — fetched
 * before the handlers run in ONE statement per table instead of one per mutation (#12: a push
 * of 100 changes read ~160 rows one round trip at a time while holding the version counter).
 *
 * It is a snapshot taken inside the push's transaction, after the counter is locked, so no other
 * push can change these rows meanwhile. A handler forgets a row before writing it (`forgetRow`)
 * and, once its one write succeeded, keeps the row as written (`keepRow`), so the next mutation
 * of the same push reads what this one left; a write that fails (a savepoint rolled back) leaves
 * the row forgotten, read again from the database. Outside a push (no snapshot) every read goes
 * to the database as before.
 */
import type { Selectable, Transaction } from 'kysely';
import type { ChecklistItemsTable, ChecklistRunsTable, Database, EventsTable } from '../store/schema';

interface Rows {
  events: Selectable<EventsTable>;
  checklist_runs: Selectable<ChecklistRunsTable>;
  checklist_items: Selectable<ChecklistItemsTable>;
}

type CachedTable = keyof Rows;
type RowOf<T extends CachedTable> = Rows[T];
type Snapshot = { [T in CachedTable]: Map<string, Rows[T] | null> };

const snapshots = new WeakMap<object, Snapshot>();

/** What a push will read: the ids of each table its mutations name. */
export interface PushReadIds {
  events: Set<string>;
  checklist_runs: Set<string>;
  checklist_items: Set<string>;
}

/** The ids each mutation reads, from its parsed arguments (see the handlers in ./handlers). */
export function collectReadIds(mutations: ReadonlyArray<{ name: string; args: unknown }>): PushReadIds {
  const ids: PushReadIds = { events: new Set(), checklist_runs: new Set(), checklist_items: new Set() };
  for (const { name, args } of mutations) {
    const a = args as { id?: string; eventId?: string; runId?: string; itemId?: string };
    if ((name === 'event.save' || name === 'event.archive') && a.id) ids.events.add(a.id);
    if (name === 'checklist.start' && a.runId && a.eventId) {
      ids.checklist_runs.add(a.runId);
      ids.events.add(a.eventId);
    }
    if ((name === 'checklist.setItem' || name === 'checklist.addItem') && a.runId) ids.checklist_runs.add(a.runId);
    if (name === 'checklist.setItem' && a.runId && a.itemId) ids.checklist_items.add(`${a.runId}:${a.itemId}`);
  }
  return ids;
}

// Well under both engines' limits on bound parameters.
const CHUNK = 500;

async function fetchAll<T extends CachedTable>(trx: Transaction<Database>, table: T, ids: Set<string>): Promise<Map<string, RowOf<T> | null>> {
  const found = new Map<string, RowOf<T> | null>([...ids].map((id) => [id, null]));
  const list = [...ids];
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await trx.selectFrom(table as CachedTable).selectAll().where('id', 'in', list.slice(i, i + CHUNK)).execute();
    for (const row of rows as unknown as RowOf<T>[]) found.set(row.id, row);
  }
  return found;
}

/** Reads every row `ids` names, one statement per table (none for a table with no ids), and keeps them for the push on `trx`. */
export async function prefetchPushReads(trx: Transaction<Database>, ids: PushReadIds): Promise<void> {
  snapshots.set(trx, {
    events: await fetchAll(trx, 'events', ids.events),
    checklist_runs: await fetchAll(trx, 'checklist_runs', ids.checklist_runs),
    checklist_items: await fetchAll(trx, 'checklist_items', ids.checklist_items),
  });
}

/** One row by id: from the push's snapshot when it holds it, else from the database. */
export async function readRow<T extends CachedTable>(trx: Transaction<Database>, table: T, id: string): Promise<RowOf<T> | undefined> {
  const cached = snapshots.get(trx)?.[table] as Map<string, RowOf<T> | null> | undefined;
  if (cached?.has(id)) return cached.get(id) ?? undefined;
  return (await trx.selectFrom(table as CachedTable).selectAll().where('id', '=', id).executeTakeFirst()) as RowOf<T> | undefined;
}

/** Call after writing a row: the next read of it goes to the database. */
export function forgetRow(trx: Transaction<Database>, table: CachedTable, id: string): void {
  snapshots.get(trx)?.[table].delete(id);
}

/** Call after a write succeeded, with the whole row as it now stands: the next read of it in this push gets it. */
export function keepRow<T extends CachedTable>(trx: Transaction<Database>, table: T, row: RowOf<T>): void {
  (snapshots.get(trx)?.[table] as Map<string, RowOf<T> | null> | undefined)?.set(row.id, row);
}
