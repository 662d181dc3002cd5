import { mergeFields, type FieldState } from '../../../shared/merge';
import { canChangeEvent } from '../../../shared/permissions';
import type {
  ChecklistAddItemArgs,
  ChecklistItemPatch,
  ChecklistRunRow,
  ChecklistSetItemArgs,
  ChecklistStartArgs,
} from '../../../shared/schemas/checklist';
import { nextVersion } from '../../store/version';
import { markEcho, startRowColumns } from '../echo';
import type { MutationContext, MutationOutcome } from '../mutation-context';
import { readJson, writeJson } from '../../store/json';
import { readRow } from '../push-reads';
import { writeRow } from '../push-writes';

const APPLIED: MutationOutcome = { applied: true };

/** The id of an item's row and of its pulled change: `${runId}:${itemId}`. */
export function toChecklistItemId(runId: string, itemId: string): string {
  return `${runId}:${itemId}`;
}

/** The run, if it exists and belongs to the caller; otherwise the refusal to send. */
export async function findOwnRun(ctx: MutationContext, runId: string) {
  const run = await readRow(ctx.trx, 'checklist_runs', runId);
  if (!run || run.deleted === 1) return { refusal: { applied: false, code: 'missing_record' } as const };
  if (!canChangeEvent(ctx.caller, run.owner_id)) return { refusal: { applied: false, code: 'not_owner' } as const };
  return { run };
}

/** `checklist.start` v1: creates the run once; a second start of the same run changes nothing. */
export async function applyChecklistStart(ctx: MutationContext, args: ChecklistStartArgs): Promise<MutationOutcome> {
  const existing = await readRow(ctx.trx, 'checklist_runs', args.runId);
  if (existing) {
    if (!canChangeEvent(ctx.caller, existing.owner_id)) return { applied: false, code: 'not_owner' };
    return APPLIED;
  }
  const event = await readRow(ctx.trx, 'events', args.eventId);
  if (!event || event.deleted === 1) return { applied: false, code: 'missing_record' };
  if (!canChangeEvent(ctx.caller, event.owner_id)) return { applied: false, code: 'not_owner' };
  const row = {
    id: args.runId,
    owner_id: ctx.caller.id,
    event_id: args.eventId,
    template_id: args.templateId,
    template_version: args.templateVersion,
    custom_items: writeJson([]),
    ...(await startRowColumns(ctx)),
  };
  await writeRow(ctx.trx, 'checklist_runs', row, true);
  return APPLIED;
}

/** `checklist.setItem` v1: each field of the patch wins only if its HLC is newer than the stored one. */
export async function applyChecklistSetItem(ctx: MutationContext, args: ChecklistSetItemArgs): Promise<MutationOutcome> {
  const { refusal } = await findOwnRun(ctx, args.runId);
  if (refusal) return refusal;
  const id = toChecklistItemId(args.runId, args.itemId);
  const stored = await readRow(ctx.trx, 'checklist_items', id);
  const state: FieldState<ChecklistItemPatch> = stored
    ? { values: readJson(stored.state), fieldHlc: readJson(stored.field_hlc) }
    : { values: {}, fieldHlc: {} };
  const merged = mergeFields(state, args.patch, ctx.hlc);
  if (!merged.changed) return APPLIED;
  const version = await nextVersion(ctx.trx);
  const columns = {
    state: writeJson(merged.state.values),
    field_hlc: writeJson(merged.state.fieldHlc),
    version,
    updated_at: ctx.nowIso,
    ...markEcho(ctx, version, stored),
  };
  const row = stored ? { ...stored, ...columns } : { id, run_id: args.runId, item_id: args.itemId, owner_id: ctx.caller.id, deleted: 0, ...columns };
  await writeRow(ctx.trx, 'checklist_items', row, !stored);
  return APPLIED;
}

/** `checklist.addItem` v1: a custom item joins the run once; a repeat changes nothing. */
export async function applyChecklistAddItem(ctx: MutationContext, args: ChecklistAddItemArgs): Promise<MutationOutcome> {
  const { run, refusal } = await findOwnRun(ctx, args.runId);
  if (refusal) return refusal;
  const items = readJson<ChecklistRunRow['customItems']>(run.custom_items);
  if (items.some((item) => item.itemId === args.itemId)) return APPLIED;
  items.push({ itemId: args.itemId, section: args.section, text: args.text });
  const version = await nextVersion(ctx.trx);
  const changes = { custom_items: writeJson(items), version, updated_at: ctx.nowIso, ...markEcho(ctx, version, run) };
  await writeRow(ctx.trx, 'checklist_runs', { ...run, ...changes }, false);
  return APPLIED;
}
