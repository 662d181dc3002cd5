/**
 * Accounts as the coordinación manages them in the app (Más → Administración): list with each
 * account's devices and refused changes, add with roles, turn off and on, reset the password.
 * A new or reset password is generated here and leaves the server once, in the answer.
 */
import type { Transaction } from 'kysely';
import type { AdminAccount, NewAccountRequest, OneTimePasswordResponse } from '../../shared/schemas/admin';
import { REFUSALS } from '../../shared/errors';
import type { AuthUser } from '../auth/sessions';
import { generatePassword, hashPassword } from '../auth/password';
import { createAccount, findAccountByEmail, toAccount, type Account } from '../auth/users';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { readDevicesByUser, readRefusalsByUser } from './account-activity';

const iso = (ms: number) => new Date(ms).toISOString();

function toAdminAccount(account: Account, ctxParts: Pick<AdminAccount, 'devices' | 'refusals'>): AdminAccount {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    roles: account.roles,
    active: !account.disabled,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt,
    ...ctxParts,
  };
}

/** Every account, oldest first, with its live device sessions and the changes refused to it. */
export async function listAdminAccounts(ctx: AppContext): Promise<AdminAccount[]> {
  const nowMs = ctx.now();
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  const devices = await readDevicesByUser(ctx.db, nowMs);
  const refusals = await readRefusalsByUser(ctx.db, nowMs);
  return rows.map((row) =>
    toAdminAccount(toAccount(row), {
      devices: devices.get(row.id) ?? [],
      refusals: refusals.get(row.id) ?? { count: 0, lastAt: null, lastMessage: null },
    }),
  );
}

/** The one account, as listed; 404 when there is none with that id. */
export async function readAdminAccount(ctx: AppContext, id: string): Promise<AdminAccount> {
  const account = (await listAdminAccounts(ctx)).find((a) => a.id === id);
  if (!account) throw new HttpError(404, 'not_found', REFUSALS.accountNotFound);
  return account;
}

/** Creates an account with a generated password; 409 when the email already has one. */
export async function addAccount(ctx: AppContext, request: NewAccountRequest): Promise<OneTimePasswordResponse> {
  if (await findAccountByEmail(ctx.db, request.email)) throw new HttpError(409, 'conflict', REFUSALS.accountEmailTaken);
  const oneTimePassword = generatePassword();
  const account = await createAccount(ctx.db, { ...request, password: oneTimePassword, mustChangePassword: true }, iso(ctx.now())).catch(async (error: unknown) => {
    // Two coordinadores adding the same email at once: the unique index speaks for the second.
    if (await findAccountByEmail(ctx.db, request.email)) throw new HttpError(409, 'conflict', REFUSALS.accountEmailTaken);
    throw error;
  });
  return { account: toAdminAccount(account, { devices: [], refusals: { count: 0, lastAt: null, lastMessage: null } }), oneTimePassword };
}

/**
 * The active accounts, locked on PostgreSQL in id order until the transaction ends: two
 * coordinadores turning each other off at the same moment then run one after the other, and
 * the second sees the first's change (SQLite has one writer anyway).
 */
async function lockActiveAccounts(trx: Transaction<Database>, engine: AppContext['engine']): Promise<Account[]> {
  const rows = await trx
    .selectFrom('users')
    .selectAll()
    .where('disabled', '=', 0)
    .orderBy('id')
    .$if(engine === 'postgres', (query) => query.forUpdate())
    .execute();
  return rows.map(toAccount);
}

async function revokeSessionsOf(trx: Transaction<Database>, userId: string, nowIso: string): Promise<void> {
  await trx.updateTable('device_sessions').set({ revoked_at: nowIso }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/**
 * Turns an account off (its devices are signed out at once) or on again. A coordinador cannot
 * turn themselves off, and the last active coordinador is never turned off: someone must be
 * left who can turn accounts back on.
 */
export async function setAccountActive(ctx: AppContext, caller: AuthUser, id: string, active: boolean): Promise<AdminAccount> {
  if (!active && id === caller.id) throw new HttpError(409, 'conflict', REFUSALS.accountCannotDisableSelf);
  await runInTransaction(ctx.db, async (trx) => {
    const nowIso = iso(ctx.now());
    const target = await trx.selectFrom('users').select(['id']).where('id', '=', id).executeTakeFirst();
    if (!target) throw new HttpError(404, 'not_found', REFUSALS.accountNotFound);
    if (!active) {
      const coordinadores = (await lockActiveAccounts(trx, ctx.engine)).filter((a) => a.roles.includes('coordinador'));
      if (coordinadores.some((a) => a.id === id) && coordinadores.length <= 1) throw new HttpError(409, 'conflict', REFUSALS.accountLastCoordinador);
      await revokeSessionsOf(trx, id, nowIso);
    }
    await trx.updateTable('users').set({ disabled: active ? 0 : 1, updated_at: nowIso }).where('id', '=', id).execute();
  });
  return readAdminAccount(ctx, id);
}

/** A new one-time password for the account (the person replaces it at login); every device of it is signed out. */
export async function resetPassword(ctx: AppContext, id: string): Promise<OneTimePasswordResponse> {
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  await runInTransaction(ctx.db, async (trx) => {
    const nowIso = iso(ctx.now());
    const updated = await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1, updated_at: nowIso }).where('id', '=', id).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(404, 'not_found', REFUSALS.accountNotFound);
    await revokeSessionsOf(trx, id, nowIso);
  });
  return { account: await readAdminAccount(ctx, id), oneTimePassword };
}

/** Signs one device session out, whoever's it is; 404 when it is unknown or already ended. */
export async function closeDeviceSession(ctx: AppContext, sessionId: string): Promise<void> {
  const result = await ctx.db
    .updateTable('device_sessions')
    .set({ revoked_at: iso(ctx.now()) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new HttpError(404, 'not_found', REFUSALS.sessionNotFoundAdmin);
}
