import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import type { SessionResponse } from '../../src/shared/protocol';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { E2E_ADMIN, startServer, type RunningServer } from '../helpers/e2e-server';
import { countByTitle, createEvent, expireAllSessions, logIn, openMore, openSection, pressSyncNow, readServer, waitForPending } from '../helpers/e2e-sync';

/** The person, from another device, ends every other session of the account ("Mis dispositivos"). */
async function endOtherSessions(server: RunningServer): Promise<number> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ ...E2E_ADMIN, deviceName: 'Laptop' }) });
  const session = (await login.json()) as SessionResponse;
  const auth = { authorization: `Bearer ${session.accessToken}` };
  const list = (await (await fetch(`${server.url}/api/auth/sessions`, { headers: auth })).json()) as { sessions: { id: string; current: boolean }[] };
  let ended = 0;
  for (const other of list.sessions.filter((s) => !s.current)) {
    const res = await fetch(`${server.url}/api/auth/sessions/${other.id}`, { method: 'DELETE', headers: auth });
    if (res.status === 204) ended += 1;
  }
  return ended;
}

describeE2E('a session that ends while the phone is offline', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('work goes on offline, the app asks for a login on reconnect with nothing lost, and after the login everything is sent once', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await waitForServiceWorkerControl(page);
      await logIn(page);
      const before = await readServer(server);

      await context.setOffline(true);
      expect(await endOtherSessions(server), 'la sesión del teléfono terminó en el servidor').toBeGreaterThan(0);
      await createEvent(page, { title: 'Festival con la sesión vencida' });
      await createEvent(page, { title: 'Feria con la sesión vencida' });
      await page.reload();

      await context.setOffline(false);
      await openMore(page, t('more.sync'));
      await pressSyncNow(page);
      await page.getByText(t('sync.phase.needsLogin'), { exact: true }).first().waitFor({ timeout: 20_000 });
      await waitForPending(page, 2);
      expect((await readServer(server)).version, 'nada se envió con la sesión terminada').toBe(before.version);

      // The sync screen's own way to the login.
      await page.getByRole('link', { name: t('sync.login') }).click();
      await page.getByText(t('session.expired')).first().waitFor();
      await page.getByLabel(t('session.email')).fill(E2E_ADMIN.email);
      await page.getByLabel(t('session.password'), { exact: true }).fill(E2E_ADMIN.password);
      await page.getByRole('button', { name: t('session.submit') }).click();
      await page.getByText(t('session.signedInAs', { name: '' }).trim()).first().waitFor({ timeout: 15_000 });

      await openSection(page, t('nav.more'));
      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      const after = await readServer(server);
      const titles = ['Festival con la sesión vencida', 'Feria con la sesión vencida'];
      expect(countByTitle(after, titles)).toEqual({ [titles[0]!]: 1, [titles[1]!]: 1 });
      expect(after.version - before.version).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('a session whose tokens ran out while offline (90 days unused) asks for a login on reconnect; nothing waiting is lost', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await waitForServiceWorkerControl(page);
      await logIn(page);
      const before = await readServer(server);
      await context.setOffline(true);
      await createEvent(page, { title: 'Concierto tras 90 días sin señal' });
      expect(expireAllSessions(server)).toBeGreaterThan(0);
      await page.reload();
      await context.setOffline(false);
      await openMore(page, t('more.sync'));
      await pressSyncNow(page);
      await page.getByText(t('sync.phase.needsLogin'), { exact: true }).first().waitFor({ timeout: 20_000 });
      await waitForPending(page, 1);
      expect((await readServer(server)).version).toBe(before.version);

      await logIn(page);
      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      const after = await readServer(server);
      expect(countByTitle(after, ['Concierto tras 90 días sin señal'])).toEqual({ 'Concierto tras 90 días sin señal': 1 });
      expect(after.version - before.version).toBe(1);
    } finally {
      await context.close();
    }
  });
});
