/**
 * Verifying a constancia (`/v/<code>`): anyone, no session, asks the server; the answer is never
 * kept on the phone (it names a person, and a revocation must show at once).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import { CertificateVerification } from '../shared/schemas/certificate';
import { getTransport, readErrorBody } from '../sync/transport';

export type VerifyState =
  | { kind: 'loading' }
  | { kind: 'found'; answer: CertificateVerification }
  | { kind: 'unknown' }
  | { kind: 'offline' }
  | { kind: 'failed'; message?: string };

/** Asks the server about `code` once; the signal moves from loading to what it answered. */
export function verifyCertificateCode(code: string): ReadonlySignal<VerifyState> {
  const state = signal<VerifyState>({ kind: 'loading' });
  void readVerification(code).then((result) => (state.value = result));
  return state;
}

async function readVerification(code: string): Promise<VerifyState> {
  let response: Response;
  try {
    response = await getTransport()(`/api/certificates/${encodeURIComponent(code)}`, { method: 'GET' });
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 404) return { kind: 'unknown' };
  if (!response.ok) return { kind: 'failed', ...optionalMessage((await readErrorBody(response))?.message) };
  const parsed = v.safeParse(CertificateVerification, await response.json().catch(() => undefined));
  return parsed.success ? { kind: 'found', answer: parsed.output } : { kind: 'failed' };
}

const optionalMessage = (message: string | undefined) => (message ? { message } : {});
