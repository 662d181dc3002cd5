import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { uuidv7 } from '../../src/shared/ids';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { describeE2E } from '../helpers/e2e-rig';
import { countByTitle, readServer } from '../helpers/e2e-server-view';
import { createEvent, openMore, pressSyncNow, waitForPending } from '../helpers/e2e-steps';
import { makeEventArgs, stampAt } from '../helpers/factories';

/**
 * The answer to the first push is lost after the server committed it: Playwright forwards the
 * request, reads the server's answer, and then drops the connection instead of delivering it.
 */
async function loseFirstPushAnswer(context: BrowserContext): Promise<{ committed: () => number }> {
  let lost = 0;
  await context.route('**/api/sync/push', async (route) => {
    if (lost > 0) return route.continue();
    lost += 1;
    const response = await route.fetch();
    await response.body(); // the server finished: its transaction is committed
    await route.abort('connectionreset');
  });
  return { committed: () => lost };
}

describeE2E('the answer to a push is lost after the server committed', (rig) => {
  let fileDir: string;

  beforeAll(() => {
    fileDir = mkdtempSync(join(tmpdir(), 'tinkuy-e2e-files-'));
  });
  afterAll(() => {
    rmSync(fileDir, { recursive: true, force: true });
  });

  it('the retry has no second effect: the event is on the server once and the phone has nothing left to send', async () => {
    await rig.phone({ login: COORDINADOR }, async ({ page, context }) => {
      const server = rig.server;
      const before = await readServer(server);
      const loss = await loseFirstPushAnswer(context);
      const id = await createEvent(page, { title: 'Feria con respuesta perdida' });
      await expect.poll(loss.committed, { timeout: 20_000, message: 'el primer envío llegó al servidor' }).toBe(1);
      const committed = await readServer(server);
      expect(committed.events.has(id), 'el servidor guardó el evento aunque la respuesta se perdió').toBe(true);

      await openMore(page, t('more.sync'));
      await pressSyncNow(page);
      await waitForPending(page, 0);
      const after = await readServer(server);
      expect(countByTitle(after, ['Feria con respuesta perdida'])).toEqual({ 'Feria con respuesta perdida': 1 });
      expect(after.version - before.version, 'el reintento no tuvo un segundo efecto').toBe(1);
      expect(after.version).toBe(committed.version);
    });
  });

  it('a change the server refused is still shown under «Requiere atención» when the answer carrying the refusal was lost', async () => {
    await rig.phone({ login: COORDINADOR }, async ({ page, context }) => {
      const server = rig.server;
      const before = await readServer(server);
      // A file of changes exported on another phone: one good event and the archive of an event
      // the server never saw (it will be refused).
      const otherPhone = uuidv7();
      const good = makeEventArgs({ title: 'Concierto importado de otro teléfono' });
      const stamp = (seq: number) => stampAt(Date.now() + seq, otherPhone);
      const file = join(fileDir, 'cambios-otro-telefono.json');
      writeFileSync(file, JSON.stringify({
        format: 'tinkuy-changes',
        version: 1,
        exportedAt: new Date().toISOString(),
        mutations: [
          { clientId: otherPhone, seq: 1, name: 'event.save', v: 1, args: good, hlc: stamp(1) },
          { clientId: otherPhone, seq: 2, name: 'event.archive', v: 1, args: { id: uuidv7() }, hlc: stamp(2) },
        ],
      }));
      await openMore(page, t('more.sync'));
      const loss = await loseFirstPushAnswer(context);
      await page.getByLabel(t('sync.importFile')).setInputFiles(file);
      await expect.poll(loss.committed, { timeout: 20_000 }).toBe(1);
      await pressSyncNow(page);
      await waitForPending(page, 0);

      // Without the server keeping refusals, the retry would answer `rejected: []` and the
      // phone would drop the archive as sent: nothing would show here.
      const reason = t('sync.attention.reason', { reason: 'El registro al que se refiere este cambio no existe en el servidor.' });
      const refused = page.getByRole('listitem').filter({ hasText: t('sync.change.eventArchive.unnamed') });
      await refused.getByText(reason).waitFor({ timeout: 15_000 });
      expect(await page.getByText(t('sync.attention.empty')).count()).toBe(0);
      const after = await readServer(server);
      expect(countByTitle(after, [good.title])).toEqual({ [good.title]: 1 });
      expect(after.version - before.version).toBe(1);
    });
  });
});
