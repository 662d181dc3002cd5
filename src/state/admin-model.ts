import { signal, type ReadonlySignal } from '@preact/signals';
import type {
  AdminAccount, AdminAccountsResponse, NewAccountRequest, OneTimePasswordResponse,
} from '../shared/schemas/admin';
import { requestJson, type ApiResult } from '../sync/api-client';

/**
 * Más → Administración, the accounts (coordinación). Online only: every read and change is a
 * request to the server, nothing is kept on the device (the list holds other people's data and
 * is only true at the moment it is read). Offline each call answers status 0, and the screens
 * say «Necesita conexión». A one-time password lives in memory only, until the person closes it.
 */

/** Where a request for the list stands. */
export type AdminLoad = { kind: 'idle' } | { kind: 'loading' } | { kind: 'offline' } | { kind: 'failed'; message: string };

/** What an action answered: done, or why not (offline: `offline`). */
export type AdminOutcome = { ok: true } | { ok: false; offline: boolean; message: string };

/** A password to show once: whose, and the password. */
export interface ShownPassword {
  accountId: string;
  email: string;
  password: string;
  isNewAccount: boolean;
}

const accounts = signal<AdminAccount[] | null>(null);
const load = signal<AdminLoad>({ kind: 'idle' });
const shown = signal<ShownPassword | null>(null);

/** Every account as last read from the server; null before the first answer. */
export const adminAccounts: ReadonlySignal<AdminAccount[] | null> = accounts;
/** Where the latest read of the list stands. */
export const adminLoad: ReadonlySignal<AdminLoad> = load;
/** The one-time password on screen, or null. */
export const shownPassword: ReadonlySignal<ShownPassword | null> = shown;

function toOutcome(answer: ApiResult<unknown>): AdminOutcome {
  return answer.ok ? { ok: true } : { ok: false, offline: answer.status === 0, message: answer.message };
}

/** Reads the accounts, their devices and their refused changes from the server. */
export async function loadAdminAccounts(): Promise<void> {
  load.value = { kind: 'loading' };
  const answer = await requestJson<AdminAccountsResponse>('/api/admin/accounts');
  if (!answer.ok) {
    load.value = answer.status === 0 ? { kind: 'offline' } : { kind: 'failed', message: answer.message };
    return;
  }
  accounts.value = answer.body.accounts;
  load.value = { kind: 'idle' };
}

function replaceAccount(account: AdminAccount): void {
  const list = accounts.value ?? [];
  accounts.value = list.some((a) => a.id === account.id) ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account];
}

/** Creates an account; on success its one-time password is shown. */
export async function addAdminAccount(request: NewAccountRequest): Promise<AdminOutcome> {
  const answer = await requestJson<OneTimePasswordResponse>('/api/admin/accounts', { method: 'POST', body: JSON.stringify(request) });
  if (answer.ok) {
    replaceAccount(answer.body.account);
    shown.value = { accountId: answer.body.account.id, email: answer.body.account.email, password: answer.body.oneTimePassword, isNewAccount: true };
  }
  return toOutcome(answer);
}

/** Turns an account off (its devices are signed out) or on. */
export async function setAdminAccountActive(id: string, active: boolean): Promise<AdminOutcome> {
  const answer = await requestJson<{ account: AdminAccount }>(`/api/admin/accounts/${id}/active`, { method: 'POST', body: JSON.stringify({ active }) });
  if (answer.ok) replaceAccount(answer.body.account);
  return toOutcome(answer);
}

/** Gives the account a new generated password, shown once; its devices are signed out. */
export async function resetAdminPassword(id: string): Promise<AdminOutcome> {
  const answer = await requestJson<OneTimePasswordResponse>(`/api/admin/accounts/${id}/password`, { method: 'POST' });
  if (answer.ok) {
    replaceAccount(answer.body.account);
    shown.value = { accountId: id, email: answer.body.account.email, password: answer.body.oneTimePassword, isNewAccount: false };
  }
  return toOutcome(answer);
}

/** Signs one device out; the list is read again so it shows what the server now holds. */
export async function closeAdminSession(sessionId: string): Promise<AdminOutcome> {
  const answer = await requestJson<void>(`/api/admin/sessions/${sessionId}`, { method: 'DELETE' });
  if (answer.ok || answer.status === 404) await loadAdminAccounts();
  return toOutcome(answer);
}

/** Forgets the one-time password on screen (it is never shown again). */
export function dismissShownPassword(): void {
  shown.value = null;
}
