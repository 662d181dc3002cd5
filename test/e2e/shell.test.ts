import { beforeAll, afterAll, expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { makeNewerClient, type NewerClient } from '../helpers/e2e-build';
import { describeE2E, type Rig } from '../helpers/e2e-rig';
import { CLIENT_DIR } from '../helpers/e2e-server';
import { openSection } from '../helpers/e2e-steps';

const SECTION_LABELS = [t('nav.home'), t('nav.catalogue'), t('nav.events'), t('nav.workshops'), t('nav.more')];

describeE2E('the app shell: offline, /api and updates', (rig) => {
  it('after one online visit, a reload with no connection shows the shell and every section (and Más → Almacenamiento) opens from the nav', async () => {
    await rig.phone({}, async (phone) => {
      const { page } = phone;
      await phone.goOffline();
      await page.reload();
      await page.getByRole('navigation', { name: t('nav.label') }).waitFor({ state: 'visible' });
      await page.getByText(t('shell.offline'), { exact: true }).first().waitFor({ state: 'visible' });
      for (const label of [...SECTION_LABELS.slice(1), SECTION_LABELS[0]!]) await openSection(page, label);
      // A screen one level down, loaded lazily: Más → Almacenamiento.
      await openSection(page, t('nav.more'));
      await page.getByRole('main').getByRole('link', { name: t('more.storage') }).click();
      await page.getByRole('heading', { level: 1, name: t('storage.title') }).waitFor({ state: 'visible' });
      expect(phone.problems.pageErrors).toEqual([]);
      await phone.expectServerSawNothingWhileOffline();
    });
  });

  it('offline, a navigation to /api/… is never answered with the app page', async () => {
    await rig.phone({}, async (phone) => {
      const { page } = phone;
      await phone.goOffline();
      let body = '';
      let failure = '';
      try {
        const response = await page.goto(phone.href('/api/anything'));
        body = (await response?.text()) ?? '';
      } catch (error) {
        failure = String(error);
      }
      // Either the browser reports no connection, or the worker answers something that is not the app.
      if (!failure) {
        expect(body).not.toContain('id="app"');
        expect(await page.getByRole('navigation', { name: t('nav.label') }).count()).toBe(0);
      } else {
        expect(failure).toMatch(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|ERR_NETWORK/);
      }
      await phone.expectServerSawNothingWhileOffline();
    });
  });

  it('the page loads and moves between sections with no Content-Security-Policy violation', async () => {
    await rig.phone({ open: false }, async (phone) => {
      const response = await phone.page.goto(phone.url);
      expect(response?.headers()['content-security-policy'], 'el servidor envía una política CSP').toBeTruthy();
      await waitForServiceWorkerControl(phone.page);
      for (const label of SECTION_LABELS) await openSection(phone.page, label);
      expect(phone.problems.cspViolations).toEqual([]);
    });
  });
});

/**
 * Serves the current build, opens a tab (optionally reopened while controlled, as a person coming
 * back does), then serves a newer build and walks through the prompt.
 */
async function checkUpdateWaitsForThePerson(rig: Rig, newer: NewerClient, isReturningVisit: boolean): Promise<void> {
  await rig.phone({}, async ({ page }) => {
    if (isReturningVisit) await page.reload();
    await page.evaluate(() => ((window as unknown as { oldTab: boolean }).oldTab = true));
    await rig.restartServer({ TINKUY_CLIENT_DIR: newer.dir });
    // The browser's own update check (on navigation or every 24 h), done now.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('button', { name: t('update.action'), exact: true });
    await prompt.waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByText(t('update.available'), { exact: true }).first().waitFor({ state: 'visible' });

    // The old tab is not reloaded behind the person's back and still works: the new worker
    // waits (nothing can take the page over without the person's word).
    await openSection(page, t('nav.catalogue'));
    await openSection(page, t('nav.home'));
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { oldTab?: boolean }).oldTab)).toBe(true);
    expect(await page.locator('meta[name="tinkuy-e2e-build"]').count()).toBe(0);

    await prompt.click();
    await page.waitForFunction(
      (marker) => document.querySelector('meta[name="tinkuy-e2e-build"]')?.getAttribute('content') === marker,
      newer.marker,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { oldTab?: boolean }).oldTab)).toBeUndefined();
    await page.getByRole('navigation', { name: t('nav.label') }).waitFor({ state: 'visible' });
    expect(await prompt.count()).toBe(0);
  });
}

describeE2E('a new version waits for the person', (rig) => {
  let newer: NewerClient;

  beforeAll(() => {
    newer = makeNewerClient(CLIENT_DIR);
  });
  afterAll(() => {
    newer?.remove();
  });

  it('a newer build shows «Hay una nueva versión»; the old tab keeps working until «Actualizar» reloads it on the new version', async () => {
    await checkUpdateWaitsForThePerson(rig, newer, true);
  });

  it('the same holds for a tab left open since the very first visit', async () => {
    // The first test left the newer build on the server: serve the current one again.
    await rig.restartServer({ TINKUY_CLIENT_DIR: CLIENT_DIR });
    await checkUpdateWaitsForThePerson(rig, newer, false);
  });
});
