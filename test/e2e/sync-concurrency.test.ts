import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { SYNC_TAG } from '../../src/sync/sw-entry';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { countByTitle, countPushes, createEvent, prepareWorkerSync, logIn, openMore, pressSyncNow, readServer, waitForPending } from '../helpers/e2e-sync';

const TITLES = ['Feria de la primera pestaña', 'Teatro de la primera pestaña', 'Danza de la segunda pestaña'];

async function openTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForServiceWorkerControl(page);
}

describeE2E('two tabs and the service worker drain at the same time', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('«Sincronizar ahora» in both tabs, the service worker\'s sync event and coming back online together give one effect per change', async () => {
    const context = await newPhoneContext(browser);
    const first = await context.newPage();
    const second = await context.newPage();
    try {
      await openTab(first, server.url);
      await logIn(first);
      await openTab(second, server.url);
      const before = await readServer(server);

      await context.setOffline(true);
      // A tab behind another gets no animation frames (Playwright waits on them): bring it up.
      await first.bringToFront();
      await createEvent(first, { title: TITLES[0]! });
      await createEvent(first, { title: TITLES[1]! });
      await second.bringToFront();
      await createEvent(second, { title: TITLES[2]! });
      for (const page of [first, second]) {
        await page.bringToFront();
        await openMore(page, t('more.sync'));
        await waitForPending(page, 3);
      }

      // Slow 3G-like pushes, so every drain overlaps the others.
      const pushes = countPushes(context);
      await context.route('**/api/sync/push', async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      const fireWorkerSync = await prepareWorkerSync(await context.newCDPSession(first), server.url, SYNC_TAG);
      await context.setOffline(false);
      await Promise.all([
        fireWorkerSync(),
        pressSyncNow(first),
        pressSyncNow(second),
      ]);
      const t0 = Date.now();
      await Promise.all([waitForPending(first, 0), waitForPending(second, 0)]);
      console.info(`vacío en ambas pestañas ${Date.now() - t0} ms después`);
      await Promise.all([pressSyncNow(first), pressSyncNow(second), fireWorkerSync()]);
      await first.getByText(t('sync.phase.idle'), { exact: true }).first().waitFor();

      const after = await readServer(server);
      expect(countByTitle(after, TITLES)).toEqual(Object.fromEntries(TITLES.map((title) => [title, 1])));
      expect(after.version - before.version, 'tres cambios, tres efectos').toBe(3);
      expect(pushes.page + pushes.worker, 'se intentó enviar desde varios lados').toBeGreaterThan(0);
      console.info(`envíos: ${pushes.page} desde las pestañas, ${pushes.worker} desde el service worker`);
    } finally {
      await context.close();
    }
  });

  it('when only the service worker gets through, its `sync` event sends the change once and the tab then finds nothing left', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await openTab(page, server.url);
      await logIn(page);
      const before = await readServer(server);
      await context.setOffline(true);
      await createEvent(page, { title: 'Cine enviado por el service worker' });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);

      const pushes = countPushes(context);
      // The tab's own pushes fail as on a flaky network; the worker's go through.
      await context.route('**/api/sync/push', (route) => (route.request().serviceWorker() ? route.continue() : route.abort('connectionreset')));
      const fireWorkerSync = await prepareWorkerSync(await context.newCDPSession(page), server.url, SYNC_TAG);
      await context.setOffline(false);
      await fireWorkerSync();
      await expect.poll(async () => countByTitle(await readServer(server), ['Cine enviado por el service worker'])['Cine enviado por el service worker'], {
        timeout: 20_000,
        message: 'el service worker envió el evento',
      }).toBe(1);
      expect(pushes.worker).toBeGreaterThan(0);

      await context.unroute('**/api/sync/push');
      await pressSyncNow(page);
      await waitForPending(page, 0);
      const after = await readServer(server);
      expect(countByTitle(after, ['Cine enviado por el service worker'])).toEqual({ 'Cine enviado por el service worker': 1 });
      expect(after.version - before.version).toBe(1);
    } finally {
      await context.close();
    }
  });
});
