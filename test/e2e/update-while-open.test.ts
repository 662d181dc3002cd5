/**
 * A new version reaches an app that stays open all day: the server is restarted with a real
 * second build, the open tab (never reloaded) finds it by itself when it comes back to the
 * screen, «Más tarde» puts the prompt off and it returns, and after «Actualizar» «Acerca de»
 * shows the build id that /api/health reports.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rebuildClient, type RebuiltClient } from '../helpers/e2e-build';
import { describeE2E } from '../helpers/e2e-rig';
import { ROOT } from '../helpers/e2e-server';
import { openMore } from '../helpers/e2e-steps';
import { t } from '../../src/shared/i18n';
import '../../src/shared/i18n/more';

async function readHealthBuild(url: string): Promise<string> {
  return ((await (await fetch(`${url}/api/health`)).json()) as { build: string }).build;
}

/** The build id «Acerca de» shows, reached in the app (no reload). */
async function readAboutBuild(page: Page): Promise<string> {
  await openMore(page, t('more.about'));
  const text = await page.getByRole('main').getByText(/^Compilación /).innerText();
  return /^Compilación (\S+),/.exec(text)?.[1] ?? text;
}

/** What the browser does when the person comes back to the app (switching apps, unlocking). */
async function comeBackToTheApp(page: Page): Promise<void> {
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

describeE2E('an app left open sees a new version', (rig) => {
  let rebuilt: RebuiltClient;
  beforeAll(async () => {
    rebuilt = await rebuildClient(ROOT);
  }, 180_000);
  afterAll(() => rebuilt?.remove());

  it('finds it without a reload, can put it off with «Más tarde», and shows the new build once updated', async () => {
    await rig.phone({ name: 'teléfono abierto todo el día' }, async ({ page }) => {
      const oldBuild = await readHealthBuild(rig.server.url);
      expect(await readAboutBuild(page)).toBe(oldBuild);
      await page.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));

      await rig.restartServer({ TINKUY_CLIENT_DIR: rebuilt.dir });
      const newBuild = await readHealthBuild(rig.server.url);
      expect(newBuild).not.toBe(oldBuild);

      const update = page.getByRole('button', { name: t('update.action'), exact: true });
      const later = page.getByRole('button', { name: t('update.later'), exact: true });
      await comeBackToTheApp(page);
      await update.waitFor({ state: 'visible', timeout: 30_000 });

      await later.click();
      await update.waitFor({ state: 'hidden' });
      await comeBackToTheApp(page);
      await update.waitFor({ state: 'visible' });
      expect(await page.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(true);

      await update.click();
      await page.waitForFunction(() => (window as unknown as { sameTab?: boolean }).sameTab === undefined, undefined, { timeout: 20_000 });
      expect(await readAboutBuild(page)).toBe(newBuild);
      expect(await update.count()).toBe(0);
    });
  });
});
