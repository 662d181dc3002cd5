import type { CertificateIssueArgs, CertificateRevokeArgs, CertificateRow } from '../shared/schemas/certificate';
import type { UserDb } from './user-db';

/** A constancia as this device holds it: issued here (not yet confirmed) or pulled. */
export type LocalCertificate = CertificateRow;

/**
 * `certificate.issue` locally: the constancia shows at once, offline. The server may still
 * refuse it (its code taken, the person already holding one): the refusal then drops it and the
 * pull brings back what the server holds. Call inside a transaction covering `certificates`.
 */
export async function applyCertificateIssue(db: UserDb, args: CertificateIssueArgs): Promise<void> {
  if (await db.certificates.get(args.id)) return;
  const now = new Date(db.now()).toISOString();
  await db.certificates.put({ id: args.id, attendanceId: args.attendanceId, workshopId: args.workshopId, code: args.code, issuedAt: now, updatedAt: now });
}

/** `certificate.revoke` locally: kept, marked revoked. */
export async function applyCertificateRevoke(db: UserDb, args: CertificateRevokeArgs): Promise<void> {
  const now = new Date(db.now()).toISOString();
  await db.certificates.where('id').equals(args.id).modify((row) => {
    row.revokedAt ??= now;
    row.updatedAt = now;
  });
}

/** The constancias of one workshop this device holds. */
export function listCertificates(db: UserDb, workshopId: string): Promise<LocalCertificate[]> {
  return db.certificates.where('workshopId').equals(workshopId).toArray();
}
