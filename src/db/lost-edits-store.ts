/**
 * Edits that lost (issue 9, «no edit disappears without a trace»). Fields merge last-writer-wins
 * by HLC (shared/merge.ts): when a later edit from another phone replaces a text someone wrote
 * on THIS device (two notes on one checklist item), the pull keeps the losing text here so the
 * item can show it, with a way to restore it (a new local edit) or dismiss it.
 *
 * Kept in the user database's `meta` table, one key per item field (`lostEdit:<run>:<item>:<field>`):
 * they are few and short-lived, and this needs no new table version. Sign-out clears them with
 * the rest of the user's data.
 */
import { parseHlc, isHlc } from '../shared/hlc';
import type { ChecklistItemRow } from '../shared/schemas/checklist';
import type { UserDb } from './user-db';

/** The text fields of an item whose losing version is kept (a tick or a date is not a text to lose). */
export const LOSABLE_FIELDS = ['note', 'reason', 'responsible'] as const;
export type LosableField = (typeof LOSABLE_FIELDS)[number];

/** One losing text. */
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

const PREFIX = 'lostEdit:';

export function lostEditKey(runId: string, itemId: string, field: LosableField): string {
  return `${PREFIX}${runId}:${itemId}:${field}`;
}

const writtenHere = (stamp: string | undefined, clientId: string): boolean => stamp !== undefined && isHlc(stamp) && parseHlc(stamp).clientId === clientId;

/**
 * Before a pulled item replaces the local one: every text field this device wrote (its stamp
 * carries this device's id) that the incoming row replaces with another text, written elsewhere,
 * is kept. Call inside the pull's transaction (it covers `meta`).
 */
export async function keepLostEdits(db: UserDb, local: ChecklistItemRow | undefined, incoming: ChecklistItemRow, clientId: string, nowIso: string): Promise<void> {
  if (!local || !clientId) return;
  for (const field of LOSABLE_FIELDS) {
    const mine = local.fieldHlc[field];
    const theirs = incoming.fieldHlc?.[field];
    const text = local.state[field];
    if (!writtenHere(mine, clientId) || theirs === undefined || theirs === mine || writtenHere(theirs, clientId)) continue;
    if (typeof text !== 'string' || !text.trim() || text === incoming.state?.[field]) continue;
    const edit: LostEdit = { key: lostEditKey(local.runId, local.itemId, field), runId: local.runId, itemId: local.itemId, field, text, lostAt: nowIso };
    await db.meta.put({ key: edit.key, value: edit });
  }
}

/** The losing texts kept for one run, oldest first. */
export async function listLostEdits(db: UserDb, runId: string): Promise<LostEdit[]> {
  const rows = await db.meta.where('key').startsWith(`${PREFIX}${runId}:`).toArray();
  return rows.map((row) => row.value as LostEdit).sort((a, b) => a.lostAt.localeCompare(b.lostAt));
}

/** Forgets one losing text (dismissed, or restored by a new edit). */
export async function forgetLostEdit(db: UserDb, key: string): Promise<void> {
  if (key.startsWith(PREFIX)) await db.meta.delete(key);
}
