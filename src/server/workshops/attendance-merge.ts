/**
 * `attendance.merge`: the facilitador joins two records of one person by hand (a spelling the
 * automatic rule did not dare to merge). The kept record's fields win and the other's fill its
 * gaps; the better spelling of the name and entity stays; the other id becomes a pointer to the
 * kept one, exactly like an automatic merge, so a late correction of it lands on the kept one.
 */
import { keepBetterSpelling } from '../../shared/attendance-match';
import { makeDocumentKey, makeNameKey, type AttendanceMergeArgs, type AttendancePerson } from '../../shared/schemas/attendance';
import type { AttendanceTable } from '../store/schema';
import { readJson, writeJson } from '../store/json';
import { nextVersion } from '../store/version';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { canRunWorkshopById } from './workshop-team';

const GONE: MutationOutcome = { applied: false, code: 'missing_record', message: 'Uno de los dos registros ya no está en la lista; no se unieron.' };

async function readLive(ctx: MutationContext, id: string): Promise<AttendanceTable | undefined> {
  const stored = await ctx.trx.selectFrom('attendance').selectAll().where('id', '=', id).executeTakeFirst();
  if (!stored?.merged_into) return stored;
  return ctx.trx.selectFrom('attendance').selectAll().where('id', '=', stored.merged_into).executeTakeFirst();
}

/** `attendance.merge` v1: by the workshop's owner or a coordinador; both records of one workshop. */
export async function applyAttendanceMerge(ctx: MutationContext, args: AttendanceMergeArgs): Promise<MutationOutcome> {
  const keep = await readLive(ctx, args.keepId);
  const gone = await readLive(ctx, args.mergeId);
  if (!keep || !gone) return { applied: false, code: 'missing_record' };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, keep.workshop_id, keep.owner_id))) return { applied: false, code: 'not_owner' };
  if (keep.id === gone.id) return { applied: true }; // already one record: a replay, or merged meanwhile
  if (keep.deleted === 1 || gone.deleted === 1 || keep.workshop_id !== gone.workshop_id) return GONE;
  const kept = readJson<AttendancePerson>(keep.person);
  const other = readJson<AttendancePerson>(gone.person);
  const person = keepBetterSpelling({ ...other, ...kept }, kept, other);
  const fieldHlc = { ...readJson<Record<string, string>>(gone.field_hlc), ...readJson<Record<string, string>>(keep.field_hlc) };
  const mergedIds = [...readJson<string[]>(keep.merged_ids), gone.id, ...readJson<string[]>(gone.merged_ids)];
  await ctx.trx.updateTable('attendance').set({
    person: writeJson(person), field_hlc: writeJson(fieldHlc), doc_key: makeDocumentKey(person) ?? null, name_key: makeNameKey(person),
    merged_ids: writeJson(mergedIds), version: await nextVersion(ctx.trx), updated_at: ctx.nowIso,
  }).where('id', '=', keep.id).execute();
  // The other record becomes a pointer with no personal data, as after an automatic merge.
  await ctx.trx.updateTable('attendance').set({
    person: '{}', consent: '{}', field_hlc: '{}', doc_key: null, name_key: null, merged_ids: '[]', merged_into: keep.id, deleted: 1,
    version: await nextVersion(ctx.trx), updated_at: ctx.nowIso,
  }).where('id', '=', gone.id).execute();
  // Ids that pointed to it point to the kept record now.
  await ctx.trx.updateTable('attendance').set({ merged_into: keep.id }).where('merged_into', '=', gone.id).execute();
  return { applied: true };
}
