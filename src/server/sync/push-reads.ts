/**
 * The rows a push's handlers read by primary key — events, checklist runs and items, workshops
 * and attendance records — fetched before the handlers run in ONE statement per table instead of
 * one per mutation (#12: a push of 100 changes read ~160 rows one round trip at a time, 100
 * check-ins ~300). For check-ins it also fetches, in one statement, every live record of the
 * batch's workshops that has a document or name key one of its people has, so the same-person
 * search runs in memory (`findCachedSamePerson`).
 *
 * It is a snapshot taken inside the push's transaction before the version counter, and on
 * PostgreSQL every row of it is locked (`for update`; a workshop `for no key update`, which does
 * not stop rows that point to it), in one order — events, runs, items, workshops, attendance, each
 * by id — so no other writer changes them until the push commits, and two pushes never wait on
 * each other crosswise. A check-in may add a record to a workshop only while holding the
 * workshop's lock, so no one else adds the same person meanwhile. A handler's `writeRow`
 * (push-writes.ts) forgets the row before writing it (`forgetRow`) and, once the write is done or
 * staged, keeps it as written (`keepRow`), so the next mutation of the same push reads what this
 * one left. A row
 * read by id that the snapshot lacks is read (and locked) then kept. Outside a push (no
 * snapshot) every read goes to the database as before.
 */
import type { Selectable, Transaction } from 'kysely';
import { computeKeys, isSameKeys } from '../../shared/attendance-match';
import type { AttendancePerson } from '../../shared/schemas/attendance';
import type { AttendanceTable, ChecklistItemsTable, ChecklistRunsTable, Database, EventsTable, WorkshopsTable } from '../store/schema';

interface Rows {
  events: Selectable<EventsTable>;
  checklist_runs: Selectable<ChecklistRunsTable>;
  checklist_items: Selectable<ChecklistItemsTable>;
  workshops: Selectable<WorkshopsTable>;
  attendance: Selectable<AttendanceTable>;
}

export type CachedTable = keyof Rows;
export type RowOf<T extends CachedTable> = Rows[T];
type Tables = { [T in CachedTable]: Map<string, Rows[T] | null> };

/** The snapshot of one push: its rows, whether reads lock them, and which workshops' people it holds. */
interface Snapshot {
  tables: Partial<Tables>;
  lock: boolean;
  /** Workshops whose records matching the batch's people are all in `tables.attendance`. */
  peopleOf: Set<string>;
}

const snapshots = new WeakMap<object, Snapshot>();

/** What a push will read: the ids of each table its mutations name, and the people it registers. */
export type PushReadIds = { [T in CachedTable]: Set<string> } & { people: Map<string, AttendancePerson[]> };

const TABLE_ORDER: readonly CachedTable[] = ['events', 'checklist_runs', 'checklist_items', 'workshops', 'attendance'];

/** The ids each mutation reads, from its parsed arguments (see the handlers in ./handlers and ../workshops). */
export function collectReadIds(mutations: ReadonlyArray<{ name: string; args: unknown }>): PushReadIds {
  const ids: PushReadIds = { events: new Set(), checklist_runs: new Set(), checklist_items: new Set(), workshops: new Set(), attendance: new Set(), people: new Map() };
  for (const { name, args } of mutations) {
    const a = args as { id?: string; eventId?: string; runId?: string; itemId?: string; workshopId?: string; person?: AttendancePerson };
    if ((name === 'event.save' || name === 'event.archive') && a.id) ids.events.add(a.id);
    if (name === 'checklist.start' && a.runId && a.eventId) {
      ids.checklist_runs.add(a.runId);
      ids.events.add(a.eventId);
    }
    if ((name === 'checklist.setItem' || name === 'checklist.addItem') && a.runId) ids.checklist_runs.add(a.runId);
    if (name === 'checklist.setItem' && a.runId && a.itemId) ids.checklist_items.add(`${a.runId}:${a.itemId}`);
    if (name === 'attendance.register' && a.id && a.workshopId && a.person) {
      ids.workshops.add(a.workshopId);
      ids.attendance.add(a.id);
      ids.people.set(a.workshopId, [...(ids.people.get(a.workshopId) ?? []), a.person]);
    }
  }
  return ids;
}

// Well under both engines' limits on bound parameters.
const CHUNK = 500;

function chunksOf<T>(list: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) chunks.push(list.slice(i, i + CHUNK));
  return chunks;
}

/** Rows of `table` by id, in id order, locked on PostgreSQL (a workshop only against other writers of it). */
async function selectByIds<T extends CachedTable>(trx: Transaction<Database>, table: T, ids: readonly string[], lock: boolean): Promise<RowOf<T>[]> {
  const found: RowOf<T>[] = [];
  for (const chunk of chunksOf([...ids].sort())) {
    let query = trx.selectFrom(table as CachedTable).selectAll().where('id', 'in', chunk).orderBy('id');
    if (lock) query = table === 'workshops' ? query.forNoKeyUpdate() : query.forUpdate();
    found.push(...((await query.execute()) as unknown as RowOf<T>[]));
  }
  return found;
}

/** The live records of each workshop whose document or name key one of the batch's people has. */
async function selectSamePeople(trx: Transaction<Database>, people: Map<string, AttendancePerson[]>, lock: boolean): Promise<RowOf<'attendance'>[]> {
  const found: RowOf<'attendance'>[] = [];
  for (const [workshopId, persons] of [...people].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const keys = persons.map((p) => computeKeys(p));
    const docs = [...new Set(keys.flatMap((k) => (k.doc === undefined ? [] : [k.doc])))];
    const names = [...new Set(keys.flatMap((k) => (k.name === undefined ? [] : [k.name])))];
    for (let i = 0; i < Math.max(docs.length, names.length); i += CHUNK) {
      const [docChunk, nameChunk] = [docs.slice(i, i + CHUNK), names.slice(i, i + CHUNK)];
      let query = trx.selectFrom('attendance').selectAll().where('workshop_id', '=', workshopId).where('deleted', '=', 0)
        .where((eb) => eb.or([...(docChunk.length ? [eb('doc_key', 'in', docChunk)] : []), ...(nameChunk.length ? [eb('name_key', 'in', nameChunk)] : [])]))
        .orderBy('id');
      if (lock) query = query.forUpdate();
      if (docChunk.length + nameChunk.length > 0) found.push(...(await query.execute()));
    }
  }
  return found;
}

/** The tables a push of only cache-keeping mutations adds: no other handler writes them behind the snapshot. */
const PEOPLE_TABLES: ReadonlySet<CachedTable> = new Set(['workshops', 'attendance']);

/**
 * Reads every row `ids` names, one statement per table (none for a table with no ids), and keeps
 * them for the push on `trx`. `lock`: lock them until commit (PostgreSQL). `withPeople`: also
 * keep workshops and attendance records, with those the check-ins may merge into — only when
 * every mutation of the push keeps the snapshot as it writes them.
 */
export async function prefetchPushReads(trx: Transaction<Database>, ids: PushReadIds, options: { lock: boolean; withPeople: boolean }): Promise<void> {
  const tables: Partial<Tables> = {};
  for (const table of TABLE_ORDER.filter((t) => options.withPeople || !PEOPLE_TABLES.has(t))) {
    const found = new Map<string, RowOf<typeof table> | null>([...ids[table]].map((id) => [id, null]));
    for (const row of await selectByIds(trx, table, [...ids[table]], options.lock)) found.set(row.id, row);
    if (table === 'attendance') {
      for (const row of await selectSamePeople(trx, ids.people, options.lock)) found.set(row.id, row);
    }
    (tables as Record<CachedTable, Map<string, unknown>>)[table] = found;
  }
  snapshots.set(trx, { tables, lock: options.lock, peopleOf: new Set(options.withPeople ? ids.people.keys() : []) });
}

/** One row by id: from the push's snapshot when it holds it, else from the database (then kept, when the snapshot keeps that table). */
export async function readRow<T extends CachedTable>(trx: Transaction<Database>, table: T, id: string): Promise<RowOf<T> | undefined> {
  const snapshot = snapshots.get(trx);
  const cached = snapshot?.tables[table] as Map<string, RowOf<T> | null> | undefined;
  if (cached?.has(id)) return cached.get(id) ?? undefined;
  const [row] = await selectByIds(trx, table, [id], cached !== undefined && snapshot!.lock);
  if (row && cached) cached.set(id, row);
  return row;
}

/**
 * The first live record of the same person in the workshop (shared `attendance-match.ts`), from
 * the snapshot: undefined when it does not hold the workshop's people (ask the database then).
 */
export function findCachedSamePerson(trx: Transaction<Database>, workshopId: string, person: AttendancePerson, distinctFrom: readonly string[]): { found?: RowOf<'attendance'> } | undefined {
  const snapshot = snapshots.get(trx);
  if (!snapshot?.peopleOf.has(workshopId)) return undefined;
  const wanted = computeKeys(person);
  const candidates = [...(snapshot.tables.attendance?.values() ?? [])]
    .filter((c): c is RowOf<'attendance'> => c !== null && c.workshop_id === workshopId && c.deleted === 0)
    .filter((c) => (wanted.doc !== undefined && c.doc_key === wanted.doc) || (wanted.name !== undefined && c.name_key === wanted.name))
    .filter((c) => !distinctFrom.includes(c.id) && isSameKeys(wanted, { doc: c.doc_key ?? undefined, name: c.name_key ?? undefined }))
    .sort((a, b) => (a.recorded_at === b.recorded_at ? (a.id < b.id ? -1 : 1) : a.recorded_at < b.recorded_at ? -1 : 1));
  return { ...(candidates[0] ? { found: candidates[0] } : {}) };
}

/** Call before writing a row: the next read of it goes to the database. */
export function forgetRow(trx: Transaction<Database>, table: CachedTable, id: string): void {
  snapshots.get(trx)?.tables[table]?.delete(id);
}

/** Call after a write succeeded (or was staged), with the whole row as it now stands: the next read of it in this push gets it. */
export function keepRow<T extends CachedTable>(trx: Transaction<Database>, table: T, row: RowOf<T>): void {
  (snapshots.get(trx)?.tables[table] as Map<string, RowOf<T> | null> | undefined)?.set(row.id, row);
}
