/**
 * Constancias on the facilitador's phone (issue 13): issued to one person or to everyone present
 * at once, offline (the code is drawn here), revoked, and the link `/v/<código>` anyone verifies.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listCertificates, type LocalCertificate } from '../db/certificates-store';
import { recordMutation } from '../db/record-mutation';
import { uuidv7 } from '../shared/ids';
import { drawCertificateCode } from '../shared/schemas/certificate';
import { keyedLiveSignal } from './live-signal';

export type { LocalCertificate };

/** An unbiased integer in [0, n) from the platform's cryptographic source (codes must not be guessable). */
function randomInt(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while (word[0]! >= limit);
  return word[0]! % n;
}

/** The constancias of a workshop on this phone, live. */
export const watchCertificates: (workshopId: string) => ReadonlySignal<LocalCertificate[]> = keyedLiveSignal(
  (workshopId: string) => listCertificates(getDatabases().user, workshopId),
  [],
);

/** The valid constancia of each person, by attendance id. */
export function indexValid(certificates: readonly LocalCertificate[]): Map<string, LocalCertificate> {
  return new Map(certificates.filter((c) => !c.revokedAt).map((c) => [c.attendanceId, c]));
}

/**
 * Issues a constancia to each of `attendanceIds` that holds no valid one yet; returns how many
 * were issued. Each is its own mutation (one refusal does not undo the others).
 */
export async function issueCertificates(workshopId: string, attendanceIds: readonly string[]): Promise<number> {
  const db = getDatabases().user;
  const held = await listCertificates(db, workshopId);
  const valid = indexValid(held);
  const taken = new Set(held.map((c) => c.code));
  let issued = 0;
  for (const attendanceId of new Set(attendanceIds)) {
    if (valid.has(attendanceId)) continue;
    let code = drawCertificateCode(randomInt);
    while (taken.has(code)) code = drawCertificateCode(randomInt);
    taken.add(code);
    await recordMutation(db, 'certificate.issue', { id: uuidv7(), attendanceId, workshopId, code });
    issued += 1;
  }
  return issued;
}

/** Revokes a constancia: its code then verifies as «anulada». */
export async function revokeCertificate(id: string): Promise<void> {
  await recordMutation(getDatabases().user, 'certificate.revoke', { id });
}

/** The verification link a constancia's QR and message carry. */
export function makeVerifyLink(code: string, origin = location.origin): string {
  return `${origin}/v/${code}`;
}
