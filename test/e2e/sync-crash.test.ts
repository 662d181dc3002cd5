import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { countByTitle, createEvent, logIn, openMore, pressSyncNow, readServer, waitForPending } from '../helpers/e2e-sync';

const TITLES = ['Feria antes del apagón', 'Concierto antes del apagón', 'Taller antes del apagón'];

describeE2E('the server is killed in the middle of a push', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const moment of ['while the push is on its way', 'after it answered, before the answer arrives'] as const) {
    it(`SIGKILL ${moment}, then a restart on the same data: nothing is lost and nothing applies twice`, async () => {
      const context = await newPhoneContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(server.url);
        await waitForServiceWorkerControl(page);
        await logIn(page);
        const before = await readServer(server);
        const titles = TITLES.map((title) => `${title} (${moment.split(' ')[0]})`);
        await context.setOffline(true);
        for (const title of titles) await createEvent(page, { title });
        await openMore(page, t('more.sync'));
        await waitForPending(page, 3);

        let killed: Promise<void> | undefined;
        await context.route('**/api/sync/push', async (route) => {
          if (killed) return route.continue();
          const running = server;
          if (moment === 'while the push is on its way') {
            // The request is on the wire; the process dies before, during or right after the transaction.
            const forwarded = route.fetch().catch(() => undefined);
            killed = running.kill('SIGKILL');
            await Promise.all([forwarded, killed]);
          } else {
            await (await route.fetch()).body();
            killed = running.kill('SIGKILL');
            await killed;
          }
          await route.abort('connectionreset');
        });
        await context.setOffline(false);
        await expect.poll(() => killed !== undefined, { timeout: 20_000, message: 'hubo un envío que interrumpir' }).toBe(true);
        await killed;
        await waitForPending(page, 3); // the phone keeps everything while the server is down
        server = await server.restart();

        await pressSyncNow(page);
        await waitForPending(page, 0, 60_000);
        const after = await readServer(server);
        expect(countByTitle(after, titles)).toEqual(Object.fromEntries(titles.map((title) => [title, 1])));
        expect(after.version - before.version, 'tres cambios, tres efectos').toBe(3);
      } finally {
        await context.close();
      }
    });
  }
});
