import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { describeE2E } from '../helpers/e2e-rig';
import { countByTitle, readServer } from '../helpers/e2e-server-view';
import { createEvent, openMore, pressSyncNow, waitForPending } from '../helpers/e2e-steps';

const TITLES = ['Feria antes del apagón', 'Concierto antes del apagón', 'Taller antes del apagón'];

describeE2E('the server is killed in the middle of a push', (rig) => {
  for (const moment of ['while the push is on its way', 'after it answered, before the answer arrives'] as const) {
    it(`SIGKILL ${moment}, then a restart on the same data: nothing is lost and nothing applies twice`, async () => {
      await rig.phone({ login: COORDINADOR }, async (phone) => {
        const { page, context } = phone;
        const before = await readServer(rig.server);
        const titles = TITLES.map((title) => `${title} (${moment.split(' ')[0]})`);
        await phone.goOffline();
        for (const title of titles) await createEvent(page, { title });
        await openMore(page, t('more.sync'));
        await waitForPending(page, 3);
        await phone.expectServerSawNothingWhileOffline();

        let killed: Promise<void> | undefined;
        await context.route('**/api/sync/push', async (route) => {
          if (killed) return route.continue();
          const running = rig.server;
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
        await phone.goOnline();
        await expect.poll(() => killed !== undefined, { timeout: 20_000, message: 'hubo un envío que interrumpir' }).toBe(true);
        await killed;
        await waitForPending(page, 3); // the phone keeps everything while the server is down
        await rig.restartServer();

        await pressSyncNow(page);
        await waitForPending(page, 0, 60_000);
        const after = await readServer(rig.server);
        expect(countByTitle(after, titles)).toEqual(Object.fromEntries(titles.map((title) => [title, 1])));
        expect(after.version - before.version, 'tres cambios, tres efectos').toBe(3);
      });
    });
  }
});
