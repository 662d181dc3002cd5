/**
 * A coordinador edits an entry in the app — part of it offline, across a reload — and publishes
 * it; a second phone receives it at its next "Sincronizar ahora" as exactly one change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { t } from '../../src/shared/i18n';
import type { Entry } from '../../src/shared/catalogue';
import type { Change, PullResponse } from '../../src/shared/protocol';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl, watchPageProblems } from '../helpers/e2e-browser';
import { E2E_ADMIN, startServer, type RunningServer } from '../helpers/e2e-server';

const ENTRY_ID = 'calculo-de-aforo';
const NEW_HEADING = 'Paso publicado desde el editor';

/** Every catalogue change the SERVER serves past `cursor`, through the public pull API. */
async function pullFrom(server: RunningServer, cursor: number): Promise<{ changes: Change[]; cursor: number }> {
  const changes: Change[] = [];
  for (;;) {
    const response = await fetch(`${server.url}/api/sync/pull?scope=catalogue&cursor=${cursor}&limit=500`);
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    if (!page.hasMore || page.cursor <= cursor) return { changes, cursor: page.cursor };
    cursor = page.cursor;
  }
}

/** Keeps the changes of every catalogue pull the page receives, with when it arrived. */
function recordCataloguePulls(page: Page): Array<{ at: number; changes: Change[] }> {
  const seen: Array<{ at: number; changes: Change[] }> = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/sync/pull') || !response.url().includes('scope=catalogue')) return;
    void response
      .json()
      .then((body: PullResponse) => seen.push({ at: Date.now(), changes: body.changes }))
      .catch(() => undefined);
  });
  return seen;
}

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describeE2E('publishing a catalogue entry from the app', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an entry a coordinador edits (offline, across a reload) and publishes reaches a second phone at its next pull, and only that entry travels', async () => {
    const before = await pullFrom(server, 0);
    const original = before.changes.find((c) => c.id === ENTRY_ID)?.row as Entry | undefined;
    expect(original, 'el servidor sirve la entrada').toBeDefined();

    // Phone B: a reader with no account; its first pull brings the whole catalogue.
    const reader = await newPhoneContext(browser);
    const readerPage = await reader.newPage();
    const pulls = recordCataloguePulls(readerPage);
    await readerPage.goto(`${server.url}/catalogo`);
    await waitForServiceWorkerControl(readerPage);
    await readerPage.getByRole('heading', { level: 2, name: t('catalogue.topics') }).waitFor({ timeout: 30_000 });

    // Phone A: the coordinador signs in and opens the editor from Más.
    const editor = await newPhoneContext(browser);
    const page = await editor.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/mas/cuenta`);
    await waitForServiceWorkerControl(page);
    await page.getByLabel(t('session.email'), { exact: true }).fill(E2E_ADMIN.email);
    await page.getByLabel(t('session.password'), { exact: true }).fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: t('session.submit') }).click();
    await page.getByText(/Sesión iniciada/).first().waitFor({ timeout: 20_000 });
    await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t('nav.more') }).click();
    await page.getByRole('link', { name: new RegExp(t('more.editor')) }).click();
    await page.getByRole('link', { name: new RegExp(original!.title) }).click();
    const source = page.getByLabel(t('editor.source'));
    await source.waitFor({ timeout: 20_000 });
    await page.getByText(t('editor.valid')).waitFor({ timeout: 20_000 });
    await expectNoSeriousAxeViolations(page, 'editor');

    // The signal drops: the editor says so, keeps what is typed, and a reload loses nothing.
    await editor.setOffline(true);
    await page.getByText(t('editor.offline')).waitFor();
    const published = await source.inputValue();
    const draft = published.replace('\n## ', `\n## ${NEW_HEADING}\n\nEscrito sin señal en la plaza.\n\n## `);
    await source.fill(draft);
    await page.reload();
    await expect.poll(() => page.getByLabel(t('editor.source')).inputValue(), { timeout: 20_000 }).toBe(draft);
    expect(await page.getByRole('button', { name: t('editor.publish') }).isDisabled()).toBe(true);

    // Back online: the draft is checked, previewed and published after confirming.
    await editor.setOffline(false);
    await page.getByRole('region', { name: t('editor.preview') }).getByRole('heading', { name: NEW_HEADING }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: t('editor.publish') }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t('editor.confirmYes') }).click();
    await page.getByText(/^Publicada: versión \d+\.$/).waitFor({ timeout: 20_000 });

    // The SERVER holds it: exactly one change past the old cursor, the edited entry.
    const delta = await pullFrom(server, before.cursor);
    expect(delta.changes.map((c) => [c.table, c.id])).toEqual([['entries', ENTRY_ID]]);
    expect(JSON.stringify(delta.changes[0]!.row)).toContain(NEW_HEADING);

    // Phone B syncs: one change arrives, and the reader shows the new step.
    const publishedAt = Date.now();
    await readerPage.goto(`${server.url}/mas/sincronizacion`);
    await readerPage.getByRole('button', { name: t('sync.now') }).click();
    await expect.poll(() => pulls.filter((p) => p.at >= publishedAt && p.changes.length > 0).length, { timeout: 20_000 }).toBe(1);
    const travelled = pulls.filter((p) => p.at >= publishedAt).flatMap((p) => p.changes);
    expect(travelled.map((c) => [c.table, c.id])).toEqual([['entries', ENTRY_ID]]);
    await readerPage.goto(`${server.url}/catalogo/${ENTRY_ID}`);
    await readerPage.getByRole('heading', { name: NEW_HEADING }).waitFor({ timeout: 20_000 });

    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await editor.close();
    await reader.close();
  });
});
