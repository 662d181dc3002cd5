import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { generatePassword } from './password';
import { countAccounts, createAccount } from './users';

/** The account made on a first start when no admin email is configured. */
export const DEFAULT_ADMIN_EMAIL = 'admin@tinkuy.local';

/** What the first start did, so the caller can log it once. */
export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/**
 * On a first start (no account at all) creates a coordinador from the configured email and
 * password, or with a generated one-time password that the caller prints once: the first login
 * with it asks for the person's own (403 `password_change_required`), as Administración's do.
 */
export async function ensureFirstAccount(
  db: Kysely<Database>,
  admin: { email?: string; password?: string },
): Promise<BootstrapResult> {
  if ((await countAccounts(db)) > 0) return { created: false };
  const email = admin.email ?? DEFAULT_ADMIN_EMAIL;
  const generated = admin.password ? undefined : generatePassword();
  const password = admin.password ?? generated!;
  try {
    await createAccount(db, { email, name: 'Coordinación', roles: ['coordinador'], password, mustChangePassword: generated !== undefined });
  } catch (error) {
    // Another process starting at the same moment made it first.
    if ((await countAccounts(db)) > 0) return { created: false };
    throw error;
  }
  return generated ? { created: true, email, generatedPassword: generated } : { created: true, email };
}
