import { signal, type ReadonlySignal } from '@preact/signals';
import type {
  AdminErasure, AdminExport, AdminExportsResponse, EraseRequest, ErasureMatch, ErasurePreviewResponse,
} from '../shared/schemas/admin';
import { requestJson } from '../sync/api-client';
import type { AdminLoad, AdminOutcome } from './admin-model';

/**
 * Más → Administración, personal data (Ley 29733): search a person, see what erasing would
 * remove, erase, and read the erasure log; and the export log across workshops. Online only,
 * like the accounts; nothing of it is kept on the device.
 */

/** The erasure in progress: the search as sent, what it found, and what was erased. */
export type ErasureStep =
  | { kind: 'search' }
  | { kind: 'found'; request: EraseRequest; matches: ErasureMatch[] }
  | { kind: 'erased'; count: number };

const step = signal<ErasureStep>({ kind: 'search' });
const erasures = signal<AdminErasure[] | null>(null);
const exportsLog = signal<AdminExport[] | null>(null);
const erasuresLoad = signal<AdminLoad>({ kind: 'idle' });
const exportsLoad = signal<AdminLoad>({ kind: 'idle' });

/** Where the erasure stands. */
export const erasureStep: ReadonlySignal<ErasureStep> = step;
/** The erasure log, newest first; null before the first answer. */
export const erasureLog: ReadonlySignal<AdminErasure[] | null> = erasures;
/** Where the latest read of the erasure log stands. */
export const erasureLogLoad: ReadonlySignal<AdminLoad> = erasuresLoad;
/** The export log across workshops, newest first; null before the first answer. */
export const exportLog: ReadonlySignal<AdminExport[] | null> = exportsLog;
/** Where the latest read of the export log stands. */
export const exportLogLoad: ReadonlySignal<AdminLoad> = exportsLoad;

const failedLoad = (status: number, message: string): AdminLoad => (status === 0 ? { kind: 'offline' } : { kind: 'failed', message });
const failedOutcome = (status: number, message: string): AdminOutcome => ({ ok: false, offline: status === 0, message });

/** Asks the server which attendance records `request` matches; nothing is erased yet. */
export async function previewErasure(request: EraseRequest): Promise<AdminOutcome> {
  const answer = await requestJson<ErasurePreviewResponse>('/api/admin/erasure-preview', { method: 'POST', body: JSON.stringify(request) });
  if (!answer.ok) return failedOutcome(answer.status, answer.message);
  step.value = { kind: 'found', request, matches: answer.body.matches };
  return { ok: true };
}

/** Erases what the last search found (the server matches again, in the same way), then reads the log. */
export async function eraseFound(): Promise<AdminOutcome> {
  const current = step.value;
  if (current.kind !== 'found') return { ok: true };
  const answer = await requestJson<{ erased: number }>('/api/attendance/erase', { method: 'POST', body: JSON.stringify(current.request) });
  if (!answer.ok) return failedOutcome(answer.status, answer.message);
  step.value = { kind: 'erased', count: answer.body.erased };
  await loadErasureLog();
  return { ok: true };
}

/** Back to an empty search. */
export function startErasureSearch(): void {
  step.value = { kind: 'search' };
}

/** Reads the erasure log. */
export async function loadErasureLog(): Promise<void> {
  erasuresLoad.value = { kind: 'loading' };
  const answer = await requestJson<{ erasures: AdminErasure[] }>('/api/attendance/erasures');
  if (!answer.ok) return void (erasuresLoad.value = failedLoad(answer.status, answer.message));
  erasures.value = answer.body.erasures;
  erasuresLoad.value = { kind: 'idle' };
}

/** Reads the export log across workshops. */
export async function loadExportLog(): Promise<void> {
  exportsLoad.value = { kind: 'loading' };
  const answer = await requestJson<AdminExportsResponse>('/api/admin/exports');
  if (!answer.ok) return void (exportsLoad.value = failedLoad(answer.status, answer.message));
  exportsLog.value = answer.body.exports;
  exportsLoad.value = { kind: 'idle' };
}
