/**
 * Anyone holding a constancia's code may check it, without an account: `GET
 * /api/certificates/<code>`. The answer carries the name, the workshop, its dates and hours and
 * the person's region; never the document number or contact data. Each address may ask a few
 * times a minute (database counters, shared by every server process), so the codes' small space
 * (31⁴·10⁴) cannot be walked to harvest names.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { describeTooManyVerifications, REFUSALS } from '../../shared/errors';
import { regionName } from '../../shared/places/regions';
import type { AttendancePerson } from '../../shared/schemas/attendance';
import { CertificateCode, type CertificateVerification, type OwnCertificate } from '../../shared/schemas/certificate';
import { Id } from '../../shared/schemas/common';
import { computeWorkshopHours } from '../../shared/workshop-hours';
import { HttpError } from '../http/errors';
import { readJson } from '../store/json';
import { addToCounter } from '../store/request-counters';
import type { Database } from '../store/schema';
import type { WorkshopFields } from './workshop-store';

/** Verifications per address per window: a venue behind one NAT checking its constancias still passes. */
export const VERIFY_LIMIT = 30;
/** The participants' door window, so the same pruning clears these counters. */
export const VERIFY_WINDOW_MS = 60_000;

/** Counts one verification against `address`; past the limit a 429 with Retry-After. */
export async function takeVerifyAllowance(db: Kysely<Database>, address: string, nowMs: number): Promise<void> {
  const reading = await addToCounter(db, `certificate:${address}`, 1, nowMs, VERIFY_WINDOW_MS);
  if (reading.count <= VERIFY_LIMIT) return;
  const retryAfter = String(reading.retryAfterSeconds);
  throw new HttpError(429, 'rate_limited', describeTooManyVerifications(reading.retryAfterSeconds), undefined, { 'Retry-After': retryAfter });
}

const notFound = () => new HttpError(404, 'not_found', REFUSALS.certificateNotFound);

/**
 * What a code verifies, or a 404: unknown, malformed, or its person's record removed or erased
 * (Ley 29733: nothing is left to show).
 */
export async function verifyCertificate(db: Kysely<Database>, rawCode: string): Promise<CertificateVerification> {
  const parsed = v.safeParse(CertificateCode, rawCode);
  if (!parsed.success) throw notFound();
  const certificate = await db.selectFrom('certificates').selectAll().where('code', '=', parsed.output).where('deleted', '=', 0).executeTakeFirst();
  if (!certificate) throw notFound();
  const readAttendance = (id: string) => db.selectFrom('attendance').select(['person', 'deleted', 'merged_into']).where('id', '=', id).executeTakeFirst();
  let attendance = await readAttendance(certificate.attendance_id);
  if (attendance?.merged_into) attendance = await readAttendance(attendance.merged_into);
  const workshop = await db.selectFrom('workshops').select('data').where('id', '=', certificate.workshop_id).executeTakeFirst();
  if (!attendance || attendance.deleted === 1 || !workshop) throw notFound();
  const person = readJson<AttendancePerson>(attendance.person);
  const fields = readJson<WorkshopFields>(workshop.data);
  return {
    valid: certificate.revoked_at === null,
    code: certificate.code,
    name: person.fullName,
    workshopTitle: fields.title,
    dates: { startsAt: fields.startsAt, endsAt: fields.endsAt },
    hours: computeWorkshopHours(fields.startsAt, fields.endsAt),
    region: regionName(person.regionCode) ?? '',
  };
}

/**
 * The constancia of one attendance record, for the phone that made it: `pending` while none was
 * issued (or the record was removed), else what the code verifies and the facilitators. The
 * record may since have been merged into another of the same person: its constancia counts.
 * A revoked one is answered as such (`valid: false`) unless a valid one was issued after it.
 */
export async function readOwnCertificate(db: Kysely<Database>, rawId: string): Promise<OwnCertificate> {
  const parsed = v.safeParse(Id, rawId);
  if (!parsed.success) throw notFound();
  const record = await db.selectFrom('attendance').select(['id', 'merged_into']).where('id', '=', parsed.output).executeTakeFirst();
  if (!record) return { status: 'pending' };
  const ids = record.merged_into ? [record.id, record.merged_into] : [record.id];
  const certificates = await db.selectFrom('certificates').select(['code', 'revoked_at', 'workshop_id', 'version'])
    .where('attendance_id', 'in', ids).where('deleted', '=', 0).execute();
  const chosen = certificates.sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null) || Number(b.version) - Number(a.version))[0];
  if (!chosen) return { status: 'pending' };
  let certificate: CertificateVerification;
  try {
    certificate = await verifyCertificate(db, chosen.code);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) return { status: 'pending' };
    throw error;
  }
  const workshop = await db.selectFrom('workshops').select('data').where('id', '=', chosen.workshop_id).executeTakeFirst();
  const facilitators = workshop ? readJson<WorkshopFields>(workshop.data).facilitators ?? [] : [];
  return { status: 'issued', certificate, facilitators };
}
