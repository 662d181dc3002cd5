import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { describeE2E } from '../helpers/e2e-rig';
import { countByTitle, readServer } from '../helpers/e2e-server-view';
import { createEvent, openMore, openSection, pressSyncNow, waitForPending, waitForSyncIdle } from '../helpers/e2e-steps';

describeE2E('a change made offline reaches the server exactly once', (rig) => {
  it('an event saved with no connection survives an offline reload, is sent once back online, and a second sync sends nothing more', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { page } = phone;
      const before = await readServer(rig.server);

      await phone.goOffline();
      const id = await createEvent(page, { title: 'Festival sin señal en Huamanga' });
      await page.reload();
      await openSection(page, t('nav.events'));
      await page.getByRole('link', { name: 'Festival sin señal en Huamanga' }).waitFor({ state: 'visible' });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);
      expect((await readServer(rig.server)).events.has(id), 'nada llegó al servidor sin conexión').toBe(false);
      await phone.expectServerSawNothingWhileOffline();

      await phone.goOnline();
      await waitForPending(page, 0);
      const after = await readServer(rig.server);
      expect(after.events.get(id)).toMatchObject({ id, title: 'Festival sin señal en Huamanga', venue: 'Plaza de Armas' });
      expect(countByTitle(after, ['Festival sin señal en Huamanga'])).toEqual({ 'Festival sin señal en Huamanga': 1 });
      expect(after.version - before.version, 'un solo efecto en el servidor').toBe(1);

      await pressSyncNow(page);
      await waitForSyncIdle(page);
      expect((await readServer(rig.server)).version).toBe(after.version);
      expect(phone.problems.pageErrors).toEqual([]);
    });
  });

  it('with the service worker blocked (no Background Sync at all) the page itself sends what was saved offline, once', async () => {
    await rig.phone({ login: COORDINADOR, context: { serviceWorkers: 'block' } }, async (phone) => {
      const { page } = phone;
      // Without a service worker nothing is cached: the screens' code is fetched once online.
      await openSection(page, t('nav.events'));
      await page.getByRole('link', { name: t('events.new') }).click();
      await page.getByLabel(t('events.field.title')).waitFor();
      await openMore(page, t('more.sync'));
      const before = await readServer(rig.server);
      await phone.goOffline();
      const id = await createEvent(page, { title: 'Pasacalle sin service worker' });
      await openMore(page, t('more.sync'));
      await waitForPending(page, 1);
      await phone.expectServerSawNothingWhileOffline();
      await phone.goOnline();
      await waitForPending(page, 0);
      // A reload online reads the same outbox from IndexedDB: nothing is sent again.
      await page.reload();
      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      await pressSyncNow(page);
      await waitForSyncIdle(page);
      const after = await readServer(rig.server);
      expect(after.events.get(id)?.title).toBe('Pasacalle sin service worker');
      expect(after.version - before.version).toBe(1);
    });
  });
});
