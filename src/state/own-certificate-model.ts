/**
 * The participant's own constancia on the phone that checked them in (#11): asked of the server by
 * the id of the record this phone made (`GET /api/certificates/for-attendance/<id>`), and the last
 * answer kept on the phone — it is the person's own name on their own phone — so it opens offline,
 * marked as saved. A revocation shows the next time the phone is online.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import { getDatabases } from '../db/connection';
import { readCheckInId } from '../db/attendance-store';
import { readMeta, writeMeta } from '../db/meta-store';
import { OwnCertificate } from '../shared/schemas/certificate';
import { getTransport, readErrorBody } from '../sync/transport';

export type OwnCertificateState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'known'; answer: OwnCertificate; isSaved: boolean }
  | { kind: 'offline' }
  | { kind: 'failed'; message?: string };

interface SavedAnswer {
  attendanceId: string;
  answer: OwnCertificate;
}

const savedKey = (workshopId: string) => `ownCertificate:${workshopId}`;

/** Reads what the phone kept, then asks the server; the signal ends on the freshest it could get. */
export function watchOwnCertificate(workshopId: string): ReadonlySignal<OwnCertificateState> {
  const state = signal<OwnCertificateState>({ kind: 'loading' });
  void readOwnCertificate(workshopId, (next) => (state.value = next));
  return state;
}

async function readOwnCertificate(workshopId: string, show: (state: OwnCertificateState) => void): Promise<void> {
  const { user } = getDatabases();
  const attendanceId = await readCheckInId(user, workshopId);
  if (!attendanceId) return show({ kind: 'none' });
  const saved = await readMeta<SavedAnswer>(user.meta, savedKey(workshopId));
  const kept = saved?.attendanceId === attendanceId && v.is(OwnCertificate, saved.answer) ? saved.answer : undefined;
  if (kept) show({ kind: 'known', answer: kept, isSaved: true });
  let response: Response;
  try {
    response = await getTransport()(`/api/certificates/for-attendance/${encodeURIComponent(attendanceId)}`, { method: 'GET' });
  } catch {
    return show(kept ? { kind: 'known', answer: kept, isSaved: true } : { kind: 'offline' });
  }
  if (!response.ok) {
    const message = (await readErrorBody(response))?.message;
    return show(kept ? { kind: 'known', answer: kept, isSaved: true } : { kind: 'failed', ...(message ? { message } : {}) });
  }
  const parsed = v.safeParse(OwnCertificate, await response.json().catch(() => undefined));
  if (!parsed.success) return show(kept ? { kind: 'known', answer: kept, isSaved: true } : { kind: 'failed' });
  await writeMeta(user.meta, savedKey(workshopId), { attendanceId, answer: parsed.output } satisfies SavedAnswer);
  show({ kind: 'known', answer: parsed.output, isSaved: false });
}
