import { mergeFields, type FieldState } from '../../shared/merge';
import type { WorkshopSaveArgs } from '../../shared/schemas/workshop';
import type { Database } from '../store/schema';
import { nextVersion } from '../store/version';
import { readJson, writeJson } from '../store/json';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import type { Transaction } from 'kysely';
import { isOwnerOrCoordinador, type WorkshopFields } from './workshop-store';

const APPLIED: MutationOutcome = { applied: true };

/** The refusal when `code` already names another workshop, with the words to fix it. */
async function findCodeClash(trx: Transaction<Database>, code: string, id: string): Promise<MutationOutcome | undefined> {
  const other = await trx.selectFrom('workshops').select(['id', 'data']).where('code', '=', code).where('id', '!=', id).executeTakeFirst();
  if (!other) return undefined;
  const title = readJson<WorkshopFields>(other.data).title;
  return { applied: false, code: 'conflict', message: `El código ${code} ya lo usa otro taller («${title}»). Elija otro código.` };
}

/**
 * `workshop.save` v1: a facilitador or coordinador creates a workshop (and owns it), or its
 * owner or a coordinador edits it, field by field (last writer by HLC wins). Codes are unique:
 * a code already used by another workshop is refused, and the device shows why.
 */
export async function applyWorkshopSave(ctx: MutationContext, args: WorkshopSaveArgs): Promise<MutationOutcome> {
  const { id, ...fields } = args;
  const stored = await ctx.trx.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  if (!stored) {
    const clash = await findCodeClash(ctx.trx, fields.code, id);
    if (clash) return clash;
    const fieldHlc = Object.fromEntries(Object.keys(fields).map((key) => [key, ctx.hlc]));
    await ctx.trx
      .insertInto('workshops')
      .values({ id, code: fields.code, owner_id: ctx.caller.id, data: writeJson(fields), field_hlc: writeJson(fieldHlc), deleted: 0, version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
      .execute();
    return APPLIED;
  }
  if (!isOwnerOrCoordinador(ctx.caller, stored.owner_id)) return { applied: false, code: 'not_owner' };
  if (stored.deleted === 1) return { applied: false, code: 'missing_record' };
  const state: FieldState<WorkshopFields> = { values: readJson(stored.data), fieldHlc: readJson(stored.field_hlc) };
  const merged = mergeFields(state, fields, ctx.hlc);
  if (!merged.changed) return APPLIED;
  const code = merged.state.values.code ?? stored.code;
  if (code !== stored.code) {
    const clash = await findCodeClash(ctx.trx, code, id);
    if (clash) return clash;
  }
  await ctx.trx
    .updateTable('workshops')
    .set({ code, data: writeJson(merged.state.values), field_hlc: writeJson(merged.state.fieldHlc), version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
    .where('id', '=', id)
    .execute();
  return APPLIED;
}
