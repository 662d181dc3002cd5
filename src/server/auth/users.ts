import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { ROLES, type Role } from '../../shared/schemas/common';
import type { SessionUser } from '../../shared/protocol';
import type { Database, UsersTable } from '../store/schema';
import { hashPassword } from './password';

/** An account as the server code uses it. */
export interface Account extends SessionUser {
  disabled: boolean;
  /** The password is a one-time password: a login must set the person's own (login.ts). */
  mustChangePassword: boolean;
  passwordHash: string;
  createdAt: string;
}

/** Whether `value` is one of the three roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Normalises an email the way login does: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Turns a stored row into an account. */
export function toAccount(row: Selectable<UsersTable>): Account {
  const roles = (JSON.parse(row.roles) as string[]).filter(isRole);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

/** The public part of an account, as the login answer carries it. */
export function toSessionUser(account: Account): SessionUser {
  return { id: account.id, email: account.email, name: account.name, roles: account.roles };
}

/** Creates an account; throws if the email is taken (unique index). */
export async function createAccount(
  db: Kysely<Database>,
  input: { email: string; name: string; roles: Role[]; password: string; mustChangePassword?: boolean },
  nowIso: string = new Date().toISOString(),
): Promise<Account> {
  const row: Selectable<UsersTable> = {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    name: input.name,
    roles: JSON.stringify(input.roles),
    password_hash: await hashPassword(input.password),
    disabled: 0,
    created_at: nowIso,
    updated_at: nowIso,
    must_change_password: input.mustChangePassword ? 1 : 0,
  };
  await db.insertInto('users').values(row).execute();
  return toAccount(row);
}

/** The account with this email, or undefined. */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/** Every account, oldest first. */
export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  return rows.map(toAccount);
}

/** How many accounts exist. */
export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Disables (or enables) an account and ends its device sessions. Returns false if no such email. */
export async function setAccountDisabled(db: Kysely<Database>, email: string, disabled: boolean): Promise<boolean> {
  const nowIso = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const account = await findAccountByEmail(trx, email);
    if (!account) return false;
    await trx.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: nowIso }).where('id', '=', account.id).execute();
    if (disabled) await revokeAllSessions(trx, account.id, nowIso);
    return true;
  });
}

/** Sets a new password and ends every device session of the account. Returns false if no such email. */
export async function resetAccountPassword(db: Kysely<Database>, email: string, password: string, mustChangePassword: boolean): Promise<boolean> {
  const nowIso = new Date().toISOString();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const account = await findAccountByEmail(trx, email);
    if (!account) return false;
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: mustChangePassword ? 1 : 0, updated_at: nowIso }).where('id', '=', account.id).execute();
    await revokeAllSessions(trx, account.id, nowIso);
    return true;
  });
}

async function revokeAllSessions(db: Kysely<Database>, userId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('device_sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
