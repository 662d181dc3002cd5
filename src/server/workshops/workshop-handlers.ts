import { mergeFields, type FieldState } from '../../shared/merge';
import type { WorkshopSaveArgs } from '../../shared/schemas/workshop';
import type { Database } from '../store/schema';
import { nextVersion } from '../store/version';
import { readJson, writeJson } from '../store/json';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import type { Transaction } from 'kysely';
import { canChangeWorkshop } from '../../shared/permissions';
import type { WorkshopFields } from './workshop-store';
import { isValidTeam, readTeam, TEAM_REFUSAL, writeTeam } from './workshop-team';

const APPLIED: MutationOutcome = { applied: true };

/** The refusal when `code` already names another workshop, with the words to fix it. */
async function findCodeClash(trx: Transaction<Database>, code: string, id: string): Promise<MutationOutcome | undefined> {
  const other = await trx.selectFrom('workshops').select(['id', 'data']).where('code', '=', code).where('id', '!=', id).executeTakeFirst();
  if (!other) return undefined;
  const title = readJson<WorkshopFields>(other.data).title;
  return { applied: false, code: 'conflict', message: `El código ${code} ya lo usa otro taller («${title}»). Elija otro código.` };
}

/** The fields as merged: the team (`cofacilitatorIds`) merges by HLC like any field, but is stored apart. */
type MergedFields = Omit<WorkshopSaveArgs, 'id'>;

const refuseTeam: MutationOutcome = { applied: false, code: 'validation_failed', message: TEAM_REFUSAL };

/**
 * `workshop.save` v1: a facilitador or coordinador creates a workshop (and owns it), or its
 * owner or a coordinador edits it, field by field (last writer by HLC wins) — its team of
 * co-facilitadores included, kept out of the public programme's `data`. Codes are unique:
 * a code already used by another workshop is refused, and the device shows why.
 */
export async function applyWorkshopSave(ctx: MutationContext, args: WorkshopSaveArgs): Promise<MutationOutcome> {
  const { id, ...incoming } = args;
  const stored = await ctx.trx.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  if (!stored) {
    const { cofacilitatorIds: team = [], ...fields } = incoming;
    const clash = await findCodeClash(ctx.trx, fields.code, id);
    if (clash) return clash;
    if (!(await isValidTeam(ctx.trx, ctx.caller.id, team))) return refuseTeam;
    const fieldHlc = Object.fromEntries(Object.keys(incoming).map((key) => [key, ctx.hlc]));
    await ctx.trx
      .insertInto('workshops')
      .values({ id, code: fields.code, owner_id: ctx.caller.id, data: writeJson(fields), field_hlc: writeJson(fieldHlc), cofacilitator_ids: writeJson(team), deleted: 0, version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
      .execute();
    await writeTeam(ctx.trx, id, [], team);
    return APPLIED;
  }
  // Co-facilitadores run the workshop but do not change it, nor its team.
  if (!canChangeWorkshop(ctx.caller, stored.owner_id)) return { applied: false, code: 'not_owner' };
  if (stored.deleted === 1) return { applied: false, code: 'missing_record' };
  const before = readTeam(stored);
  const state: FieldState<MergedFields> = { values: { ...readJson<WorkshopFields>(stored.data), cofacilitatorIds: before }, fieldHlc: readJson(stored.field_hlc) };
  const merged = mergeFields(state, incoming, ctx.hlc);
  if (!merged.changed) return APPLIED;
  const { cofacilitatorIds: after = [], ...fields } = merged.state.values;
  const code = fields.code ?? stored.code;
  if (code !== stored.code) {
    const clash = await findCodeClash(ctx.trx, code, id);
    if (clash) return clash;
  }
  const teamChanged = writeJson(after) !== writeJson(before);
  if (teamChanged && !(await isValidTeam(ctx.trx, stored.owner_id, after))) return refuseTeam;
  await ctx.trx
    .updateTable('workshops')
    .set({ code, data: writeJson(fields), field_hlc: writeJson(merged.state.fieldHlc), cofacilitator_ids: writeJson(after), version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
    .where('id', '=', id)
    .execute();
  if (teamChanged) await writeTeam(ctx.trx, id, before, after);
  return APPLIED;
}
