/**
 * End-to-end helpers for the events and checklists tests: a gestor account made with the users
 * CLI, a login through the account screen, the catalogue templates on the device, and what the
 * server holds, read through its own pull API.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { DIST_DIR, ROOT, type RunningServer } from './e2e-server';

/** A gestor's credentials. */
export interface Account {
  email: string;
  password: string;
  name: string;
}

/** Creates a gestor with `node <dist>/server/users.js add …` on the server's data directory. */
export function addGestor(server: RunningServer, email = `gestora-${Date.now()}@tinkuy.test`): Account {
  const account = { email, password: 'clave-gestora-e2e-2026', name: 'Rosa Mamani' };
  execFileSync(process.execPath, [join(DIST_DIR, 'server', 'users.js'), 'add', email, '--name', account.name, '--role', 'gestor', '--password', account.password], {
    cwd: ROOT, env: { ...process.env, TINKUY_DATA_DIR: server.dataDir, DATABASE_URL: '' }, stdio: 'pipe',
  });
  return account;
}

/** Logs in through Más → Cuenta, as a person does, and waits for the signed-in line. */
export async function logIn(page: Page, account: Account): Promise<void> {
  await page.goto(new URL('/mas/cuenta', page.url()).href);
  await page.getByLabel(t('session.email')).fill(account.email);
  await page.getByLabel(t('session.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: t('session.submit') }).click();
  await page.getByText(t('session.signedInAs', { name: account.name })).waitFor({ timeout: 20_000 });
}

/**
 * Makes sure the device has the catalogue's checklist templates. The catalogue pull carries them
 * once the server lists `checklistTemplates`; until then they are written here exactly as a pull
 * would (same rows, from the build's catalogue.json). Then reloads so live queries see them.
 */
export async function ensureTemplates(page: Page): Promise<'pulled' | 'seeded'> {
  const templates = (JSON.parse(readFileSync(join(DIST_DIR, 'server', 'catalogue.json'), 'utf8')) as { templates: unknown[] }).templates;
  const outcome = await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tinkuy-catalogue');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('checklistTemplates').objectStore('checklistTemplates').count();
      request.onsuccess = () => resolve(request.result);
    });
    if (count > 0) return 'pulled' as const;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('checklistTemplates', 'readwrite');
      for (const row of rows) tx.objectStore('checklistTemplates').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return 'seeded' as const;
  }, templates);
  await page.reload();
  return outcome;
}

/** Everything of the gestor's the server holds (user-scope pull with their own token). */
export async function readServerData(server: RunningServer, account: Account): Promise<{ table: string; id: string; row?: Record<string, unknown> }[]> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const changes: { table: string; id: string; row?: Record<string, unknown> }[] = [];
  let cursor = 0;
  for (;;) {
    const response = await fetch(`${server.url}/api/sync/pull?scope=user&cursor=${cursor}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const page = (await response.json()) as { changes: typeof changes; cursor: number; hasMore: boolean };
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}
