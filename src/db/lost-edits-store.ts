/**
 * Edits that lost (issue 9, «no edit disappears without a trace»). Fields merge last-writer-wins
 * by HLC (shared/merge.ts): when a later edit from another phone replaces a text someone wrote
 * on THIS device (two notes on one checklist item, two titles of one event, two spellings of a
 * participant's name), the pull keeps the losing text here so the screen can show it, with a way
 * to restore it (a new local edit) or dismiss it.
 *
 * Kept in the user database's `meta` table, one key per row field (`lostEdit:<owner>:<field>`,
 * the owner being `<run>:<item>`, `event:<id>` or `attendance:<id>`): they are few and
 * short-lived, and this needs no new table version. Sign-out clears them with the rest of the
 * user's data.
 */
import { parseHlc, isHlc } from '../shared/hlc';
import type { ChecklistItemRow } from '../shared/schemas/checklist';
import type { UserDb } from './user-db';

/** The text fields of an item whose losing version is kept (a tick or a date is not a text to lose). */
export const LOSABLE_FIELDS = ['note', 'reason', 'responsible'] as const;
export type LosableField = (typeof LOSABLE_FIELDS)[number];

/** One losing text of a checklist item. */
export interface LostEdit {
  key: string;
  runId: string;
  itemId: string;
  field: LosableField;
  /** What this device had written. */
  text: string;
  /** When the pull replaced it (ISO). */
  lostAt: string;
}

/** One losing text of any other row (an event, an attendance record). */
export interface LostFieldEdit<F extends string = string> {
  key: string;
  /** `event:<id>` or `attendance:<id>`. */
  owner: string;
  rowId: string;
  field: F;
  text: string;
  lostAt: string;
}

/** A row's values and the stamp of the write that set each. */
export interface StampedFields {
  values: Partial<Record<string, unknown>>;
  fieldHlc: Partial<Record<string, string>> | undefined;
}

const PREFIX = 'lostEdit:';

export function lostEditKey(runId: string, itemId: string, field: LosableField): string {
  return `${PREFIX}${runId}:${itemId}:${field}`;
}

/** The key of a losing text of an event or attendance record. */
export function lostFieldKey(kind: 'event' | 'attendance', rowId: string, field: string): string {
  return `${PREFIX}${kind}:${rowId}:${field}`;
}

const writtenHere = (stamp: string | undefined, clientId: string): boolean => stamp !== undefined && isHlc(stamp) && parseHlc(stamp).clientId === clientId;

/**
 * The rule, for every kind of row: the fields this device wrote (its stamp carries this
 * device's id) that the incoming row replaces with another text, written elsewhere.
 */
export function findLosingTexts<F extends string>(local: StampedFields, incoming: StampedFields, fields: readonly F[], clientId: string): { field: F; text: string }[] {
  if (!clientId) return [];
  const lost: { field: F; text: string }[] = [];
  for (const field of fields) {
    const mine = local.fieldHlc?.[field];
    const theirs = incoming.fieldHlc?.[field];
    const text = local.values[field];
    if (!writtenHere(mine, clientId) || theirs === undefined || theirs === mine || writtenHere(theirs, clientId)) continue;
    if (typeof text !== 'string' || !text.trim() || text === incoming.values[field]) continue;
    lost.push({ field, text });
  }
  return lost;
}

/**
 * Before a pulled item replaces the local one: keeps every losing text (findLosingTexts).
 * Call inside the pull's transaction (it covers `meta`).
 */
export async function keepLostEdits(db: UserDb, local: ChecklistItemRow | undefined, incoming: ChecklistItemRow, clientId: string, nowIso: string): Promise<void> {
  if (!local) return;
  const lost = findLosingTexts({ values: local.state, fieldHlc: local.fieldHlc }, { values: incoming.state ?? {}, fieldHlc: incoming.fieldHlc }, LOSABLE_FIELDS, clientId);
  for (const { field, text } of lost) {
    const edit: LostEdit = { key: lostEditKey(local.runId, local.itemId, field), runId: local.runId, itemId: local.itemId, field, text, lostAt: nowIso };
    await db.meta.put({ key: edit.key, value: edit });
  }
}

/** The same for an event or attendance record: `local` and `incoming` as the rule reads them. */
export async function keepLostFieldEdits<F extends string>(db: UserDb, kind: 'event' | 'attendance', rowId: string, local: StampedFields | undefined, incoming: StampedFields, fields: readonly F[], clientId: string, nowIso: string): Promise<void> {
  if (!local) return;
  for (const { field, text } of findLosingTexts(local, incoming, fields, clientId)) {
    const edit: LostFieldEdit<F> = { key: lostFieldKey(kind, rowId, field), owner: `${kind}:${rowId}`, rowId, field, text, lostAt: nowIso };
    await db.meta.put({ key: edit.key, value: edit });
  }
}

/** The losing texts kept for one run, oldest first. */
export async function listLostEdits(db: UserDb, runId: string): Promise<LostEdit[]> {
  return listByPrefix<LostEdit>(db, `${PREFIX}${runId}:`);
}

/** The losing texts kept for one event or attendance record, oldest first. */
export async function listLostFieldEdits<F extends string = string>(db: UserDb, kind: 'event' | 'attendance', rowId: string): Promise<LostFieldEdit<F>[]> {
  return listByPrefix<LostFieldEdit<F>>(db, `${PREFIX}${kind}:${rowId}:`);
}

/** Every losing text kept for events or for attendance records, oldest first. */
export async function listLostFieldEditsOfKind<F extends string = string>(db: UserDb, kind: 'event' | 'attendance'): Promise<LostFieldEdit<F>[]> {
  return listByPrefix<LostFieldEdit<F>>(db, `${PREFIX}${kind}:`);
}

async function listByPrefix<T extends { lostAt: string }>(db: UserDb, prefix: string): Promise<T[]> {
  const rows = await db.meta.where('key').startsWith(prefix).toArray();
  return rows.map((row) => row.value as T).sort((a, b) => a.lostAt.localeCompare(b.lostAt));
}

/** Forgets one losing text (dismissed, or restored by a new edit). */
export async function forgetLostEdit(db: UserDb, key: string): Promise<void> {
  if (key.startsWith(PREFIX)) await db.meta.delete(key);
}
