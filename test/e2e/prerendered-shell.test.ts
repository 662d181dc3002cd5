import { expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { describeE2E } from '../helpers/e2e-rig';

/** What the page shows: the nav's links, the current one, <main>'s h1, the loading line, buttons, and whether the CSS applies. */
const readShell = (page: Page) => page.evaluate(() => ({
  navs: document.querySelectorAll('nav').length,
  mains: document.querySelectorAll('main').length,
  apps: document.querySelectorAll('.app').length,
  links: [...document.querySelectorAll('nav a[href]')].filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href')),
  current: document.querySelector('nav a[aria-current="page"]')?.getAttribute('href') ?? null,
  heading: document.querySelector('main h1')?.textContent ?? null,
  // A deep link's frame says its screen is on the way (the route-loading line above the nav).
  loading: document.querySelector('.route-loading--on')?.textContent ?? null,
  buttons: document.querySelectorAll('button').length,
  // The connection pill: its word only once the app knows it (the HTML may come from the worker, offline).
  isConnectionShown: getComputedStyle(document.querySelector('.top-bar [role="status"]') ?? document.body).visibility === 'visible',
  // The bottom nav is fixed to the screen's foot only when the app's CSS applies.
  isStyled: getComputedStyle(document.querySelector('.bottom-nav') ?? document.body).position === 'fixed',
}));

const SECTIONS = ['/', '/catalogo', '/eventos', '/talleres', '/mas'];

describeE2E('the first screen arrives drawn in the HTML (#12)', (rig) => {
  it('before any JavaScript runs: Inicio at /, the frame alone at a deep link, a participant’s bar at /t/; styled, nothing dead that looks like a button', async () => {
    await rig.phone({ open: false }, async (phone) => {
      const { context, page, problems } = phone;
      const href = (path: string) => phone.href(path);
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      // The app's code never arrives: what shows is the HTML alone.
      await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
      await page.goto(href('/'));
      expect(await readShell(page)).toEqual({ navs: 1, mains: 1, apps: 1, links: SECTIONS, current: '/', heading: t('home.title'), loading: null, buttons: 0, isConnectionShown: false, isStyled: true });
      await page.goto(href('/eventos'));
      expect(await readShell(page)).toEqual({ navs: 1, mains: 1, apps: 1, links: SECTIONS, current: null, heading: null, loading: t('shell.loading'), buttons: 0, isConnectionShown: false, isStyled: true });
      await page.goto(href('/t/ABC123'));
      expect(await readShell(page)).toMatchObject({ navs: 0, mains: 1, heading: null, loading: t('shell.loading'), buttons: 0 });
      // A plain link works without the app: a navigation to the section's own page.
      await page.goto(href('/'));
      await page.locator('nav a[href="/catalogo"]').click();
      await page.waitForURL(href('/catalogo'));
      expect(problems.cspViolations).toEqual([]);
      // The stylesheet rides in the HTML; its file (kept for lazy chunks that list it) is never fetched.
      expect(asked.filter((path) => path.endsWith('.css'))).toEqual([]);
    });
  });

  it('the app takes the drawn nodes over: one nav and one main, the same <nav>, focus kept, then routes by itself', async () => {
    await rig.phone({ open: false }, async (phone) => {
      const { context, page, problems } = phone;
      const href = (path: string) => phone.href(path);
      const held: Route[] = [];
      const stylesheets: string[] = [];
      page.on('request', (request) => void (request.url().endsWith('.css') && stylesheets.push(new URL(request.url()).pathname)));
      let isHolding = true;
      await context.route(/\/assets\/index-[\w-]+\.js$/, (route) => (isHolding ? void held.push(route) : route.continue()));
      // A module script runs before DOMContentLoaded: wait for the drawn nav, not for the page's load.
      await page.goto(href('/'), { waitUntil: 'commit' });
      await page.locator('nav a[href="/eventos"]').waitFor();
      await expect.poll(() => held.length).toBe(1);
      // Someone already moved to a link of the drawn nav while the code is on its way.
      await page.locator('nav a[href="/eventos"]').focus();
      await page.evaluate(() => ((window as unknown as { drawnNav: Element | null }).drawnNav = document.querySelector('nav')));
      isHolding = false;
      await held[0]!.continue();
      await waitForServiceWorkerControl(page);
      const after = await page.evaluate(() => ({
        isSameNav: (window as unknown as { drawnNav: Element | null }).drawnNav === document.querySelector('nav'),
        focused: document.activeElement?.getAttribute('href') ?? null,
      }));
      expect(after).toEqual({ isSameNav: true, focused: '/eventos' });
      expect(await readShell(page)).toMatchObject({ navs: 1, mains: 1, apps: 1, links: SECTIONS, current: '/', heading: t('home.title'), isConnectionShown: true });
      // The app routes now: a section opens without loading a page (the window's marker survives).
      await page.evaluate(() => ((window as unknown as { sameWindow: boolean }).sameWindow = true));
      await page.locator('nav a[href="/catalogo"]').click();
      await expect.poll(() => readShell(page).then((shell) => shell.current)).toBe('/catalogo');
      expect(await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow)).toBe(true);
      expect(await readShell(page)).toMatchObject({ navs: 1, mains: 1, apps: 1 });
      // The catalogue's chunk lists the entry's stylesheet among its needs: the disabled <link> spares that fetch.
      expect(stylesheets.filter((path) => /^\/assets\/index-/.test(path))).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('offline, the service worker answers each address with its own page: the frame for /eventos, the participant’s bar for /t/', async () => {
    await rig.phone({}, async (phone) => {
      const { page } = phone;
      await waitForServiceWorkerControl(page);
      await phone.goOffline();
      // The page the worker sends, as it arrives (before the app's code runs on it).
      const open = async (path: string) => (await page.goto(phone.href(path)))?.text() ?? '';
      const frame = await open('/eventos');
      expect(frame).toContain('class="bottom-nav"');
      expect(frame).not.toContain(t('home.title'));
      await page.getByRole('main').getByRole('heading', { level: 1, name: t('nav.events') }).waitFor();
      expect(await readShell(page)).toMatchObject({ navs: 1, mains: 1, apps: 1, current: '/eventos' });
      const door = await open('/t/ABC123');
      expect(door).toContain('app--participant');
      expect(door).not.toContain('class="bottom-nav"');
      await expect.poll(() => readShell(page)).toMatchObject({ navs: 0, mains: 1, apps: 1 });
      expect(phone.problems.pageErrors).toEqual([]);
    });
  });
});
