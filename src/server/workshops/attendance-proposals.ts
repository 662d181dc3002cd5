/**
 * Proposed corrections (DESIGN.md § Merge rules): a self check-in — someone without a session,
 * or with one but not among the workshop's staff — that matches a person already listed records
 * their presence and nothing else. What it carried that differs from the record becomes a
 * proposal the workshop's staff accept (their own `attendance.update`, then close it) or dismiss.
 */
import type { AttendanceCloseProposalArgs, AttendancePerson, AttendanceProposalRow, AttendanceRegisterArgs } from '../../shared/schemas/attendance';
import type { AttendanceProposalsTable, AttendanceTable, Database } from '../store/schema';
import { readJson, writeJson } from '../store/json';
import { nextVersion } from '../store/version';
import type { Transaction } from 'kysely';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { canRunWorkshopById } from './workshop-team';

/** A stored proposal as the workshop's staff pull it. */
export function toProposalRow(stored: AttendanceProposalsTable): AttendanceProposalRow {
  return { id: stored.id, workshopId: stored.workshop_id, attendanceId: stored.attendance_id, patch: readJson(stored.patch), proposedAt: stored.proposed_at };
}

/** The fields `incoming` carries that differ from `current` (a field it leaves out is no proposal to clear it). */
export function findDifferences(current: AttendancePerson, incoming: AttendancePerson): Partial<AttendancePerson> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || value === '') continue;
    if ((current as Record<string, unknown>)[key] !== value) patch[key] = value;
  }
  return patch as Partial<AttendancePerson>;
}

/**
 * Keeps the differences of a self check-in from `target` as a proposal (id: the check-in's own,
 * so a retry is one proposal). A closed one is never reopened by a late copy.
 */
export async function proposeCorrection(ctx: MutationContext, target: AttendanceTable, args: AttendanceRegisterArgs): Promise<void> {
  const patch = findDifferences(readJson<AttendancePerson>(target.person), args.person);
  if (Object.keys(patch).length === 0) return;
  const stored = await ctx.trx.selectFrom('attendance_proposals').select(['deleted', 'patch']).where('id', '=', args.id).executeTakeFirst();
  if (stored && (stored.deleted === 1 || stored.patch === writeJson(patch))) return;
  const values = { patch: writeJson(patch), attendance_id: target.id, version: await nextVersion(ctx.trx), updated_at: ctx.nowIso };
  if (stored) {
    await ctx.trx.updateTable('attendance_proposals').set(values).where('id', '=', args.id).execute();
    return;
  }
  await ctx.trx
    .insertInto('attendance_proposals')
    .values({ id: args.id, workshop_id: target.workshop_id, owner_id: target.owner_id, proposed_at: ctx.nowIso, closed_by: null, outcome: null, deleted: 0, ...values })
    .execute();
}

/** Closes every open proposal about a record that was removed or erased: their personal data goes too. */
export async function closeProposalsOf(trx: Transaction<Database>, attendanceId: string, nowIso: string): Promise<void> {
  const open = await trx.selectFrom('attendance_proposals').select('id').where('attendance_id', '=', attendanceId).where('deleted', '=', 0).execute();
  for (const { id } of open) {
    await trx.updateTable('attendance_proposals').set({ patch: '{}', outcome: 'dismissed', deleted: 1, version: await nextVersion(trx), updated_at: nowIso }).where('id', '=', id).execute();
  }
}

/** `attendance.closeProposal` v1: the workshop's staff accepted or dismissed it; a tombstone without personal data stays. */
export async function applyAttendanceCloseProposal(ctx: MutationContext, args: AttendanceCloseProposalArgs): Promise<MutationOutcome> {
  const stored = await ctx.trx.selectFrom('attendance_proposals').selectAll().where('id', '=', args.id).executeTakeFirst();
  if (!stored) return { applied: false, code: 'missing_record', message: 'La propuesta de corrección ya no existe.' };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, stored.workshop_id, stored.owner_id))) return { applied: false, code: 'not_owner' };
  if (stored.deleted === 1) return { applied: true };
  await ctx.trx
    .updateTable('attendance_proposals')
    .set({ patch: '{}', closed_by: ctx.caller.id, outcome: args.outcome, deleted: 1, version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
    .where('id', '=', args.id)
    .execute();
  return { applied: true };
}
