import { mergeFields, type FieldState } from '../../../shared/merge';
import { canChangeEvent } from '../../../shared/permissions';
import type { EventArchiveArgs, EventFields, EventSaveArgs } from '../../../shared/schemas/event';
import { nextVersion } from '../../store/version';
import { markEcho, startRowColumns } from '../echo';
import type { MutationContext, MutationOutcome } from '../mutation-context';
import { readJson, writeJson } from '../../store/json';
import { readRow } from '../push-reads';
import { writeRow } from '../push-writes';

const APPLIED: MutationOutcome = { applied: true };

/**
 * `event.save` v1: creates the event for its author, or merges field by field (last writer by
 * HLC wins) into the stored one. Only the owner may change an event.
 */
export async function applyEventSave(ctx: MutationContext, args: EventSaveArgs): Promise<MutationOutcome> {
  const { id, ...fields } = args;
  const stored = await readRow(ctx.trx, 'events', id);
  if (!stored) {
    const fieldHlc = Object.fromEntries(Object.keys(fields).map((key) => [key, ctx.hlc]));
    const row = { id, owner_id: ctx.caller.id, data: writeJson(fields), field_hlc: writeJson(fieldHlc), archived: 0, ...(await startRowColumns(ctx)) };
    await writeRow(ctx.trx, 'events', row, true);
    return APPLIED;
  }
  if (!canChangeEvent(ctx.caller, stored.owner_id)) return { applied: false, code: 'not_owner' };
  if (stored.deleted === 1) return { applied: false, code: 'missing_record' };
  const state: FieldState<EventFields> = { values: readJson(stored.data), fieldHlc: readJson(stored.field_hlc) };
  const merged = mergeFields(state, fields, ctx.hlc);
  if (!merged.changed) return APPLIED;
  // A pulled event carries no field stamps, so the device's merge may take a field the server's
  // keeps: the two agree for sure only when the server took every field too (the device's own
  // stamps are all on the server as well, so then the device took every field).
  const isSameMerge = Object.keys(fields).every((key) => merged.state.fieldHlc[key as keyof EventFields] === ctx.hlc);
  const version = await nextVersion(ctx.trx);
  const changes = {
    data: writeJson(merged.state.values),
    field_hlc: writeJson(merged.state.fieldHlc),
    version,
    updated_at: ctx.nowIso,
    ...markEcho(ctx, version, stored, isSameMerge),
  };
  await writeRow(ctx.trx, 'events', { ...stored, ...changes }, false);
  return APPLIED;
}

/** `event.archive` v1: hides the event from active lists on every device of its owner. */
export async function applyEventArchive(ctx: MutationContext, args: EventArchiveArgs): Promise<MutationOutcome> {
  const stored = await readRow(ctx.trx, 'events', args.id);
  if (!stored || stored.deleted === 1) return { applied: false, code: 'missing_record' };
  if (!canChangeEvent(ctx.caller, stored.owner_id)) return { applied: false, code: 'not_owner' };
  if (stored.archived === 1) return APPLIED;
  const version = await nextVersion(ctx.trx);
  const changes = { archived: 1, version, updated_at: ctx.nowIso, ...markEcho(ctx, version, stored) };
  await writeRow(ctx.trx, 'events', { ...stored, ...changes }, false);
  return APPLIED;
}
