/**
 * The accounts the end-to-end tests sign in with: the first coordinador the e2e server creates
 * on its first start, and others made with the users CLI, as an administrator would.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { Role } from '../../src/shared/schemas/common';
import type { PushResponse, SessionResponse } from '../../src/shared/protocol';
import { DIST_DIR, E2E_ADMIN, ROOT, type RunningServer } from './e2e-server';

/** Someone's credentials and the name the app greets them with. */
export interface Account {
  email: string;
  password: string;
  name: string;
}

/** The first coordinador (E2E_ADMIN); the server names it «Coordinación». */
export const COORDINADOR: Account = { ...E2E_ADMIN, name: 'Coordinación' };

let made = 0;

/** Creates an account with `node <dist>/server/users.js add …` on the server's data directory. */
export function addAccount(server: RunningServer, role: Role, overrides: Partial<Account> = {}): Account {
  made += 1;
  const account: Account = {
    email: `${role}-${process.pid}-${made}-${Date.now()}@tinkuy.test`,
    password: `clave-${role}-e2e-2026`,
    name: 'Rosa Mamani',
    ...overrides,
  };
  const args = ['add', account.email, '--name', account.name, '--role', role, '--password', account.password];
  execFileSync(process.execPath, [join(DIST_DIR, 'server', 'users.js'), ...args], {
    cwd: ROOT, env: { ...process.env, TINKUY_DATA_DIR: server.dataDir, DATABASE_URL: '' }, stdio: 'pipe',
  });
  return account;
}

/** Signs in through the API, as a second device of the same person would. */
export async function apiLogIn(server: RunningServer, account: Pick<Account, 'email' | 'password'> = COORDINADOR, deviceName = 'Prueba e2e'): Promise<SessionResponse> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password, deviceName }),
  });
  if (!res.ok) throw new Error(`login de la prueba: ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionResponse;
}

/**
 * Sends `mutations` ([name, args] in order) to the running server as another of `account`'s
 * devices would (its own session and client id), and returns the push answer.
 */
export async function pushAs(server: RunningServer, account: Pick<Account, 'email' | 'password'>, mutations: [string, unknown][], deviceName?: string): Promise<PushResponse> {
  const session = await apiLogIn(server, account, deviceName);
  const clientId = uuidv7();
  const body = mutations.map(([name, args], i) => ({ seq: i + 1, name, v: 1, args, hlc: formatHlc({ wallMs: Date.now(), counter: i, clientId }) }));
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${session.accessToken}` },
    body: gzipSync(JSON.stringify({ clientId, mutations: body })),
  });
  if (!res.ok) throw new Error(`push de la prueba: ${res.status} ${await res.text()}`);
  return (await res.json()) as PushResponse;
}
