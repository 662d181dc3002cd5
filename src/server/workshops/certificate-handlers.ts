/**
 * Constancias de participación (issue 13): issued and revoked by whoever leads the workshop
 * (the shared `canRunWorkshop`), offline on the device and applied here once by id. The row
 * holds no personal data: the name shown at verification is read from the attendance record.
 */
import { describeCertificateAlreadyIssued, REFUSALS } from '../../shared/errors';
import { canRunWorkshopById } from './workshop-team';
import type { CertificateIssueArgs, CertificateRevokeArgs, CertificateRow } from '../../shared/schemas/certificate';
import type { AttendanceTable, CertificatesTable } from '../store/schema';
import { nextVersion } from '../store/version';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { findWorkshop } from './workshop-store';

const APPLIED: MutationOutcome = { applied: true };

/** A stored constancia as the workshop's staff pull it. */
export function toCertificateRow(stored: CertificatesTable): CertificateRow {
  return {
    id: stored.id,
    attendanceId: stored.attendance_id,
    workshopId: stored.workshop_id,
    code: stored.code,
    issuedAt: stored.issued_at,
    ...(stored.revoked_at ? { revokedAt: stored.revoked_at } : {}),
    updatedAt: stored.updated_at,
  };
}

async function readCertificate(ctx: MutationContext, column: 'id' | 'code', value: string): Promise<CertificatesTable | undefined> {
  return ctx.trx.selectFrom('certificates').selectAll().where(column, '=', value).executeTakeFirst();
}

/** The live attendance record an id stands for now (following a merge), or undefined. */
async function findLiveAttendance(ctx: MutationContext, id: string): Promise<AttendanceTable | undefined> {
  const read = (key: string) => ctx.trx.selectFrom('attendance').selectAll().where('id', '=', key).executeTakeFirst();
  let stored = await read(id);
  if (stored?.merged_into) stored = await read(stored.merged_into);
  return stored && stored.deleted === 0 ? stored : undefined;
}

/**
 * `certificate.issue` v1. The same id again is the same constancia (applied, no change); the
 * attendance must be a live record of that workshop; one valid constancia per person and
 * workshop; a code another constancia holds is refused (the device draws a new one next time).
 */
export async function applyCertificateIssue(ctx: MutationContext, args: CertificateIssueArgs): Promise<MutationOutcome> {
  const existing = await readCertificate(ctx, 'id', args.id);
  if (existing) {
    const same = existing.code === args.code && existing.workshop_id === args.workshopId;
    return same ? APPLIED : { applied: false, code: 'conflict', message: REFUSALS.certificateIdTaken };
  }
  const workshop = await findWorkshop(ctx.trx, args.workshopId);
  if (!workshop) return { applied: false, code: 'missing_record', message: REFUSALS.certificateWorkshopGone };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, workshop.id, workshop.owner_id))) return { applied: false, code: 'not_owner' };
  const attendance = await findLiveAttendance(ctx, args.attendanceId);
  if (!attendance || attendance.workshop_id !== args.workshopId) {
    return { applied: false, code: 'missing_record', message: REFUSALS.certificateNotAttendee };
  }
  const held = await ctx.trx.selectFrom('certificates').select('code')
    .where('attendance_id', '=', attendance.id).where('revoked_at', 'is', null).where('deleted', '=', 0).executeTakeFirst();
  if (held) return { applied: false, code: 'conflict', message: describeCertificateAlreadyIssued(held.code) };
  if (await readCertificate(ctx, 'code', args.code)) return { applied: false, code: 'conflict', message: REFUSALS.certificateCodeTaken };
  await ctx.trx
    .insertInto('certificates')
    .values({
      id: args.id,
      code: args.code,
      workshop_id: args.workshopId,
      // A copy of a person merged into an earlier record: the constancia follows the survivor.
      attendance_id: attendance.id,
      owner_id: workshop.owner_id,
      issued_by: ctx.caller.id,
      issued_at: ctx.nowIso,
      revoked_at: null,
      deleted: 0,
      version: await nextVersion(ctx.trx),
      updated_at: ctx.nowIso,
    })
    .execute();
  return APPLIED;
}

/** `certificate.revoke` v1: it stays, marked revoked, so its code answers `valid: false`. */
export async function applyCertificateRevoke(ctx: MutationContext, args: CertificateRevokeArgs): Promise<MutationOutcome> {
  const stored = await readCertificate(ctx, 'id', args.id);
  if (!stored || stored.deleted === 1) return { applied: false, code: 'missing_record', message: REFUSALS.certificateGone };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, stored.workshop_id, stored.owner_id))) return { applied: false, code: 'not_owner' };
  if (stored.revoked_at) return APPLIED;
  await ctx.trx
    .updateTable('certificates')
    .set({ revoked_at: ctx.nowIso, version: await nextVersion(ctx.trx), updated_at: ctx.nowIso })
    .where('id', '=', args.id)
    .execute();
  return APPLIED;
}
