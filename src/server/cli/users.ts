import { parseArgs } from 'node:util';
import { generatePassword } from '../auth/password';
import { createAccount, findAccountByEmail, isRole, listAccounts, resetAccountPassword, setAccountDisabled } from '../auth/users';
import { readConfig } from '../config';
import { openStore, type Store } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { MIN_OWN_PASSWORD } from '../../shared/protocol';
import type { Role } from '../../shared/schemas/common';

/**
 * Account management from the server's shell, on the same database and configuration as the
 * server (`npm run users -- <command>`):
 *   add <email> --name "Nombre" --role gestor|facilitador|coordinador [--role …] [--password …]
 *   list
 *   disable <email> | enable <email>
 *   reset-password <email> [--password …]
 * A password not given is generated, printed once and one-time: the first login with it asks for
 * the person's own. One given with --password is the account's password as it is.
 */
const USAGE = `Uso: npm run users -- <comando>
  add <correo> --name "Nombre" --role gestor|facilitador|coordinador [--password clave]
  list
  disable <correo>
  enable <correo>
  reset-password <correo> [--password clave]`;

type Print = (line: string) => void;

function printOneTimePassword(password: string, print: Print): void {
  print(`Contraseña de un solo uso: ${password}`);
  print(`Al entrar con ella, Tinkuy le pedirá a la persona que elija la suya (al menos ${MIN_OWN_PASSWORD} caracteres).`);
}

async function addUser(store: Store, email: string | undefined, values: { name?: string; role?: string[]; password?: string }, print: Print): Promise<number> {
  const roles = (values.role ?? []).filter(isRole) as Role[];
  if (!email || !values.name || roles.length === 0 || roles.length !== (values.role ?? []).length) {
    print('Faltan datos o el rol no es válido.\n' + USAGE);
    return 2;
  }
  if (await findAccountByEmail(store.db, email)) {
    print(`Ya existe una cuenta con el correo ${email}.`);
    return 1;
  }
  const password = values.password ?? generatePassword();
  await createAccount(store.db, { email, name: values.name, roles, password, mustChangePassword: !values.password });
  print(`Cuenta creada: ${email.toLowerCase()} (${roles.join(', ')}).`);
  if (!values.password) printOneTimePassword(password, print);
  return 0;
}

async function listUsers(store: Store, print: Print): Promise<number> {
  const accounts = await listAccounts(store.db);
  if (accounts.length === 0) print('No hay cuentas.');
  for (const a of accounts) print(`${a.email}\t${a.name}\t${a.roles.join(',')}\t${a.disabled ? 'desactivada' : 'activa'}`);
  return 0;
}

/** Runs one command; returns the exit code. `print` is passed in so tests read the output. */
export async function runUsersCommand(argv: string[], store: Store, print: Print = console.log): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', multiple: true }, password: { type: 'string' } },
  });
  const [command, email] = positionals;
  switch (command) {
    case 'add':
      return addUser(store, email, values, print);
    case 'list':
      return listUsers(store, print);
    case 'disable':
    case 'enable': {
      const isFound = email ? await setAccountDisabled(store.db, email, command === 'disable') : false;
      print(isFound ? `Cuenta ${command === 'disable' ? 'desactivada' : 'activada'}: ${email}` : `No existe la cuenta ${email ?? ''}.`);
      return isFound ? 0 : 1;
    }
    case 'reset-password': {
      const password = values.password ?? generatePassword();
      const isFound = email ? await resetAccountPassword(store.db, email, password, !values.password) : false;
      if (!isFound) {
        print(`No existe la cuenta ${email ?? ''}.`);
        return 1;
      }
      print(`Contraseña cambiada para ${email}; sus dispositivos deberán iniciar sesión otra vez.`);
      if (!values.password) printOneTimePassword(password, print);
      return 0;
    }
    default:
      print(USAGE);
      return 2;
  }
}

async function main(): Promise<void> {
  const store = openStore(readConfig().database);
  try {
    await migrateToLatest(store.db);
    process.exitCode = await runUsersCommand(process.argv.slice(2), store);
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

// Only when run as a program, not when a test imports runUsersCommand.
if (process.argv[1] && /users\.(js|ts)$/.test(process.argv[1])) void main();
