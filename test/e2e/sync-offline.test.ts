import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl, watchPageProblems } from '../helpers/e2e-browser';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { countByTitle, createEvent, logIn, openMore, openSection, pressSyncNow, readServer, waitForPending } from '../helpers/e2e-sync';

describeE2E('a change made offline reaches the server exactly once', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an event saved with no connection survives an offline reload, is sent once back online, and a second sync sends nothing more', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    try {
      await page.goto(server.url);
      await waitForServiceWorkerControl(page);
      await logIn(page);
      const before = await readServer(server);

      await context.setOffline(true);
      const id = await createEvent(page, { title: 'Festival sin señal en Huamanga' });
      await page.reload();
      await openSection(page, t('nav.events'));
      await page.getByRole('link', { name: 'Festival sin señal en Huamanga' }).waitFor({ state: 'visible' });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);
      expect((await readServer(server)).events.has(id), 'nada llegó al servidor sin conexión').toBe(false);

      await context.setOffline(false);
      await waitForPending(page, 0);
      const after = await readServer(server);
      expect(after.events.get(id)).toMatchObject({ id, title: 'Festival sin señal en Huamanga', venue: 'Plaza de Armas' });
      expect(countByTitle(after, ['Festival sin señal en Huamanga'])).toEqual({ 'Festival sin señal en Huamanga': 1 });
      expect(after.version - before.version, 'un solo efecto en el servidor').toBe(1);

      await pressSyncNow(page);
      await page.getByText(t('sync.phase.idle'), { exact: true }).first().waitFor();
      expect((await readServer(server)).version).toBe(after.version);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with the service worker blocked (no Background Sync at all) the page itself sends what was saved offline, once', async () => {
    const context = await newPhoneContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await logIn(page);
      // Without a service worker nothing is cached: the screens' code is fetched once online.
      await openSection(page, t('nav.events'));
      await page.getByRole('link', { name: t('events.new') }).click();
      await page.getByLabel(t('events.field.title')).waitFor();
      await openMore(page, t('more.sync'));
      const before = await readServer(server);
      await context.setOffline(true);
      const id = await createEvent(page, { title: 'Pasacalle sin service worker' });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);
      await context.setOffline(false);
      await waitForPending(page, 0);
      // A reload online reads the same outbox from IndexedDB: nothing is sent again.
      await page.reload();
      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      await pressSyncNow(page);
      await page.getByText(t('sync.phase.idle'), { exact: true }).first().waitFor();
      const after = await readServer(server);
      expect(after.events.get(id)?.title).toBe('Pasacalle sin service worker');
      expect(after.version - before.version).toBe(1);
    } finally {
      await context.close();
    }
  });
});
