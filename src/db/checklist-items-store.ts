import { mergeFields } from '../shared/merge';
import type { ChecklistItemPatch, ChecklistItemRow, ChecklistSetItemArgs } from '../shared/schemas/checklist';
import type { UserDb } from './user-db';

/** Applies `checklist.setItem` locally, each field last-writer-wins by HLC, exactly as the server does. */
export async function applyChecklistSetItem(db: UserDb, args: ChecklistSetItemArgs, hlc: string): Promise<void> {
  const existing = await db.checklistItems.get([args.runId, args.itemId]);
  const merged = mergeFields<ChecklistItemPatch>(
    { values: existing?.state ?? {}, fieldHlc: existing?.fieldHlc ?? {} },
    args.patch,
    hlc,
  );
  if (existing && !merged.changed) return;
  await db.checklistItems.put({
    runId: args.runId,
    itemId: args.itemId,
    state: merged.state.values,
    fieldHlc: merged.state.fieldHlc,
    updatedAt: new Date(db.now()).toISOString(),
  });
}

/** Every item state of one run. */
export function listRunItems(db: UserDb, runId: string): Promise<ChecklistItemRow[]> {
  return db.checklistItems.where('runId').equals(runId).toArray();
}

/** Splits a pulled checklist item id `${runId}:${itemId}` into its key. */
export function parseChecklistItemId(id: string): [string, string] | undefined {
  const at = id.indexOf(':');
  return at > 0 ? [id.slice(0, at), id.slice(at + 1)] : undefined;
}
