import * as v from 'valibot';
import { Id, IsoInstant } from './common';
import { WORKSHOP_CODE_ALPHABET } from './workshop';

/**
 * A constancia's public code: four characters of the workshop-code alphabet (no 0/O, 1/I/L, so
 * it is read aloud and typed without doubt), a hyphen, four digits: `K7QM-4821`. Drawn on the
 * device, so a constancia is issued offline; the server refuses a code already taken.
 */
export const CERTIFICATE_CODE_PATTERN = new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{4}-[0-9]{4}$`);

export const CertificateCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(CERTIFICATE_CODE_PATTERN, 'El código de la constancia tiene cuatro letras o números, un guion y cuatro cifras (por ejemplo, K7QM-4821).'),
);

/** A fresh code; `randomInt(n)` gives an integer in [0, n) (crypto on the device, seeded in tests). */
export function drawCertificateCode(randomInt: (n: number) => number): string {
  const letters = Array.from({ length: 4 }, () => WORKSHOP_CODE_ALPHABET[randomInt(WORKSHOP_CODE_ALPHABET.length)]).join('');
  const digits = Array.from({ length: 4 }, () => String(randomInt(10))).join('');
  return `${letters}-${digits}`;
}

/** `certificate.issue` v1: whoever leads the workshop gives one attendee a constancia. */
export const CertificateIssueArgs = v.strictObject({
  id: Id,
  attendanceId: Id,
  workshopId: Id,
  code: CertificateCode,
});
export type CertificateIssueArgs = v.InferOutput<typeof CertificateIssueArgs>;

/** `certificate.revoke` v1: the constancia stops verifying (`valid: false`); it is not deleted. */
export const CertificateRevokeArgs = v.strictObject({ id: Id });
export type CertificateRevokeArgs = v.InferOutput<typeof CertificateRevokeArgs>;

/** A constancia as the workshop's staff pull it (no personal data: the name is in attendance). */
export interface CertificateRow {
  id: string;
  attendanceId: string;
  workshopId: string;
  code: string;
  issuedAt: string;
  /** When it was revoked, or absent while it is valid. */
  revokedAt?: string;
  updatedAt: string;
}

/** `GET /api/certificates/<code>`: what anyone holding the code may read; never a document or contact. */
export const CertificateVerification = v.strictObject({
  valid: v.boolean(),
  code: v.string(),
  name: v.string(),
  workshopTitle: v.string(),
  dates: v.strictObject({ startsAt: IsoInstant, endsAt: IsoInstant }),
  hours: v.number(),
  /** The person's RED region, by name (Lima Metropolitana and Callao apart). */
  region: v.string(),
});
export type CertificateVerification = v.InferOutput<typeof CertificateVerification>;

/**
 * `GET /api/certificates/for-attendance/<attendanceId>`: the person's own constancia, asked by the
 * phone that checked them in (it alone holds the record's id, drawn at random on it; the staff who
 * also see that id see the constancia anyway). One record per question, never a list.
 */
export const OwnCertificate = v.variant('status', [
  v.strictObject({ status: v.literal('pending') }),
  v.strictObject({ status: v.literal('issued'), certificate: CertificateVerification, facilitators: v.array(v.string()) }),
]);
export type OwnCertificate = v.InferOutput<typeof OwnCertificate>;
