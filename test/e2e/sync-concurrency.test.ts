import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { SYNC_TAG } from '../../src/sync/sw-entry';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { describeE2E } from '../helpers/e2e-rig';
import { countByTitle, readServer } from '../helpers/e2e-server-view';
import { createEvent, openMore, pressSyncNow, waitForPending, waitForSyncIdle } from '../helpers/e2e-steps';
import { countPushes, prepareWorkerSync } from '../helpers/e2e-worker';

const TITLES = ['Feria de la primera pestaña', 'Teatro de la primera pestaña', 'Danza de la segunda pestaña'];

describeE2E('two tabs and the service worker drain at the same time', (rig) => {
  it('«Sincronizar ahora» in both tabs, the service worker\'s sync event and coming back online together give one effect per change', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { context, page: first } = phone;
      const second: Page = await context.newPage();
      await second.goto(phone.url);
      await waitForServiceWorkerControl(second);
      const before = await readServer(rig.server);

      await phone.goOffline();
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
      await phone.expectServerSawNothingWhileOffline();

      // Slow 3G-like pushes, so every drain overlaps the others.
      const pushes = countPushes(context);
      await context.route('**/api/sync/push', async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      const fireWorkerSync = await prepareWorkerSync(await context.newCDPSession(first), phone.url, SYNC_TAG);
      await phone.goOnline();
      await Promise.all([fireWorkerSync(), pressSyncNow(first), pressSyncNow(second)]);
      const t0 = Date.now();
      await Promise.all([waitForPending(first, 0), waitForPending(second, 0)]);
      console.info(`vacío en ambas pestañas ${Date.now() - t0} ms después`);
      await Promise.all([pressSyncNow(first), pressSyncNow(second), fireWorkerSync()]);
      await waitForSyncIdle(first);

      const after = await readServer(rig.server);
      expect(countByTitle(after, TITLES)).toEqual(Object.fromEntries(TITLES.map((title) => [title, 1])));
      expect(after.version - before.version, 'tres cambios, tres efectos').toBe(3);
      expect(pushes.page + pushes.worker, 'se intentó enviar desde varios lados').toBeGreaterThan(0);
      console.info(`envíos: ${pushes.page} desde las pestañas, ${pushes.worker} desde el service worker`);
    });
  });

  it('when only the service worker gets through, its `sync` event sends the change once and the tab then finds nothing left', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { context, page } = phone;
      const title = 'Cine enviado por el service worker';
      const before = await readServer(rig.server);
      await phone.goOffline();
      await createEvent(page, { title });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);
      await phone.expectServerSawNothingWhileOffline();

      const pushes = countPushes(context);
      // The tab's own pushes fail as on a flaky network; the worker's go through.
      await context.route('**/api/sync/push', (route) => (route.request().serviceWorker() ? route.continue() : route.abort('connectionreset')));
      const fireWorkerSync = await prepareWorkerSync(await context.newCDPSession(page), phone.url, SYNC_TAG);
      await phone.goOnline();
      await fireWorkerSync();
      await expect.poll(async () => countByTitle(await readServer(rig.server), [title])[title], {
        timeout: 20_000,
        message: 'el service worker envió el evento',
      }).toBe(1);
      expect(pushes.worker).toBeGreaterThan(0);

      await context.unroute('**/api/sync/push');
      await pressSyncNow(page);
      await waitForPending(page, 0);
      const after = await readServer(rig.server);
      expect(countByTitle(after, [title])).toEqual({ [title]: 1 });
      expect(after.version - before.version).toBe(1);
    });
  });
});
