/**
 * End-to-end helpers for the events and checklists tests: a gestor account made with the users
 * CLI, a login through the account screen, the catalogue templates on the device, and what the
 * server holds, read through its own pull API.
 */
import { execFileSync } from 'node:child_process';
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
 * Waits until the catalogue pull has brought the checklist templates to this device (the app
 * pulls the catalogue on start, with or without an account). Nothing is written here: the
 * templates must arrive the way a manager's phone gets them.
 */
export async function waitForTemplates(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const open = indexedDB.open('tinkuy-catalogue');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => resolve(null);
      });
      if (!db || !db.objectStoreNames.contains('checklistTemplates')) {
        db?.close();
        return false;
      }
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('checklistTemplates').objectStore('checklistTemplates').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(0);
      });
      db.close();
      return count > 0;
    },
    undefined,
    { timeout: 30_000, polling: 250 },
  );
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
