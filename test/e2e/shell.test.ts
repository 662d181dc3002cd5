import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import {
  describeE2E,
  launchBrowser,
  newPhoneContext,
  waitForServiceWorkerControl,
  watchPageProblems,
} from '../helpers/e2e-browser';
import { makeNewerClient, type NewerClient } from '../helpers/e2e-build';
import { CLIENT_DIR, startServer, type RunningServer } from '../helpers/e2e-server';

const SECTION_LABELS = [t('nav.home'), t('nav.catalogue'), t('nav.events'), t('nav.workshops'), t('nav.more')];

function sectionLink(page: Page, label: string) {
  return page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: label, exact: true });
}

/** Opens a section by its link in the bottom nav, as a person would, and checks it arrived. */
async function openSection(page: Page, label: string): Promise<void> {
  const link = sectionLink(page, label);
  await link.click();
  const href = await link.getAttribute('href');
  await expect.poll(() => new URL(page.url()).pathname, { message: `la dirección tras tocar «${label}»` }).toBe(href);
  await expect.poll(() => link.getAttribute('aria-current'), { message: `«${label}» marcado como actual` }).toBe('page');
  // Each screen's <h1> names it (Inicio greets instead); waiting for it means the lazy chunk ran.
  const title = label === t('nav.home') ? t('home.title') : label;
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name: title });
  await heading.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
    const shown = await page.getByRole('main').getByRole('heading', { level: 1 }).allInnerTexts();
    throw new Error(`«${label}» no mostró el título «${title}» (se ve: ${JSON.stringify(shown)})`);
  });
  const loadError = await page.getByRole('heading', { name: t('shell.loadError.title') }).count();
  expect(loadError, `«${label}» mostró «${t('shell.loadError.title')}»`).toBe(0);
}

/** First visit online: waits until the service worker controls the page (everything precached). */
async function visitOnline(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: t('nav.label') }).waitFor({ state: 'visible' });
  await waitForServiceWorkerControl(page);
}

describeE2E('the app shell: offline, /api and updates', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('after one online visit, a reload with no connection shows the shell and every section (and Más → Almacenamiento) opens from the nav', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    try {
      await visitOnline(page, server.url);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('navigation', { name: t('nav.label') }).waitFor({ state: 'visible' });
      await page.getByText(t('shell.offline'), { exact: true }).first().waitFor({ state: 'visible' });
      for (const label of [...SECTION_LABELS.slice(1), SECTION_LABELS[0]!]) await openSection(page, label);
      // A screen one level down, loaded lazily: Más → Almacenamiento.
      await openSection(page, t('nav.more'));
      await page.getByRole('main').getByRole('link', { name: t('more.storage') }).click();
      await page.getByRole('heading', { level: 1, name: t('storage.title') }).waitFor({ state: 'visible' });
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offline, a navigation to /api/… is never answered with the app page', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await visitOnline(page, server.url);
      await context.setOffline(true);
      let body = '';
      let failure = '';
      try {
        const response = await page.goto(`${server.url}/api/anything`);
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
    } finally {
      await context.close();
    }
  });

  it('the page loads and moves between sections with no Content-Security-Policy violation', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    try {
      const response = await page.goto(server.url);
      expect(response?.headers()['content-security-policy'], 'el servidor envía una política CSP').toBeTruthy();
      await waitForServiceWorkerControl(page);
      for (const label of SECTION_LABELS) await openSection(page, label);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Serves the current build, opens a tab (optionally reopened while controlled, as a person coming
 * back does), then serves a newer build and walks through the prompt.
 */
async function checkUpdateWaitsForThePerson(browser: Browser, newer: NewerClient, isReturningVisit: boolean): Promise<void> {
  let server = await startServer();
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  try {
    await visitOnline(page, server.url);
    if (isReturningVisit) await page.reload();
    await page.evaluate(() => ((window as unknown as { oldTab: boolean }).oldTab = true));
    server = await server.restart({ TINKUY_CLIENT_DIR: newer.dir });
    // The browser's own update check (on navigation or every 24 h), done now.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('button', { name: t('update.action'), exact: true });
    await prompt.waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByText(t('update.available'), { exact: true }).first().waitFor({ state: 'visible' });

    // The old tab is not reloaded behind the person's back and still works.
    await openSection(page, t('nav.catalogue'));
    await openSection(page, t('nav.home'));
    await page.waitForTimeout(1_000);
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
  } finally {
    await context.close();
    await server.stop();
  }
}

describeE2E('a new version waits for the person', () => {
  let browser: Browser;
  let newer: NewerClient;

  beforeAll(async () => {
    newer = makeNewerClient(CLIENT_DIR);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    newer?.remove();
  });

  it('a newer build shows «Hay una nueva versión»; the old tab keeps working until «Actualizar» reloads it on the new version', async () => {
    await checkUpdateWaitsForThePerson(browser, newer, true);
  });

  it('the same holds for a tab left open since the very first visit', async () => {
    await checkUpdateWaitsForThePerson(browser, newer, false);
  });
});
