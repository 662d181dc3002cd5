/**
 * The catalogue end to end, as a person on a phone: first visit online (the catalogue arrives by
 * pull, no account), then offline: search, read, favourite, reload, continue where they left off.
 * Needs a build; with others rebuilding dist/ at the same time, build your own and point the
 * harness at it: `npx vite build --outDir dist/mine/client && npx vite build --ssr --outDir
 * dist/mine/server`, then `TINKUY_E2E_DIST=dist/mine npx vitest run --project e2e test/e2e/catalogue.test.ts`.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import type { Entry } from '../../src/shared/catalogue';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { readRows } from '../helpers/e2e-idb';
import { describeE2E } from '../helpers/e2e-rig';
import type { RunningServer } from '../helpers/e2e-server';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';

/** Every catalogue entry the SERVER serves, read through the public pull API. */
async function readServerEntries(server: RunningServer): Promise<Map<string, Entry>> {
  const changes = latestByRecord((await pullAll(server, undefined, 'catalogue')).changes);
  return new Map([...changes.values()].filter((c) => c.table === 'entries' && c.row).map((c) => [c.id, c.row as Entry]));
}

/** Types in the search box as a person does and waits for the announced count. */
async function search(page: Page, words: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: t('catalogue.search.label') });
  await box.click();
  await box.fill(words);
  await page.getByRole('status').filter({ hasText: `para «${words}»` }).waitFor({ timeout: 20_000 });
}

/** The reader shows the entry as the server holds it: title, every source norm, the review date. */
async function expectEntryShown(page: Page, entry: Entry): Promise<void> {
  await page.getByRole('heading', { level: 1, name: entry.title }).waitFor({ timeout: 20_000 });
  const sources = page.getByRole('region', { name: t('catalogue.reader.sources') });
  await sources.waitFor();
  for (const source of entry.sources) expect(await sources.getByText(source.norm, { exact: true }).count(), source.norm).toBeGreaterThan(0);
  expect(await page.getByRole('navigation', { name: t('catalogue.reader.toc') }).getByRole('link').count()).toBe(entry.toc.length);
  await page.getByText(/^Revisado el \p{L}+ \d+ de \p{L}+ de \d{4}$/u).waitFor();
}

describeE2E('the catalogue offline: pulled once, searched and read with no signal', (rig) => {
  let serverEntries: Map<string, Entry>;

  beforeAll(async () => {
    serverEntries = await readServerEntries(rig.server);
  });

  it('first visit online brings the catalogue by pull; offline, "musica" finds the entry, it opens with its sources, and an offline reload keeps it', async () => {
    const music = serverEntries.get('musica-en-eventos-gratuitos');
    expect(music, 'el servidor sirve la entrada por pull').toBeDefined();
    await rig.phone({ open: '/catalogo' }, async (phone) => {
      const { page, problems } = phone;
      // The topics appear once the pull has written the entries on the phone.
      await page.getByRole('heading', { level: 2, name: t('catalogue.topics') }).waitFor({ timeout: 30_000 });
      await expectNoSeriousAxeViolations(page, 'catálogo', { mainOnly: true });

      await phone.goOffline();
      await search(page, 'musica');
      await page.getByRole('link', { name: new RegExp(music!.title) }).click();
      await expectEntryShown(page, music!);
      await expectNoSeriousAxeViolations(page, 'lector', { mainOnly: true });

      // Saved as favourite offline: kept on the phone.
      await page.getByRole('button', { name: t('catalogue.reader.favourite.add') }).click();
      await page.getByText(t('catalogue.reader.favourite.saved')).waitFor();

      // Read down to a later heading; the phone remembers it (a second later) for next time.
      const later = music!.toc[Math.min(2, music!.toc.length - 1)]!;
      await page.locator(`[id="${later.id}"]`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.mouse.wheel(0, 40);
      // It lands on the heading reached (or the one just below it, inside the reading margin).
      const reachable = music!.toc.slice(music!.toc.indexOf(later), music!.toc.indexOf(later) + 2).map((item) => item.id);
      const remembered = async () => (await readRows<{ entryId: string; headingId: string }>(page, 'tinkuy-user', 'readingProgress')).find((row) => row.entryId === music!.id)?.headingId;
      await expect.poll(remembered, { message: 'el teléfono recordó dónde quedó la lectura' }).toBeOneOf(reachable);

      await page.reload();
      await expectEntryShown(page, music!);
      await page.getByRole('button', { name: t('catalogue.reader.favourite.remove') }).waitFor();
      const resume = page.getByRole('button', { name: /^Continuar donde lo dejó: / });
      await resume.waitFor();
      await resume.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBeOneOf(reachable);

      // Back on the home, still offline: the favourite and the recent reading are listed, and
      // search answers from the index kept on the phone.
      await page.getByRole('link', { name: t('catalogue.back') }).first().click();
      const favourites = page.getByRole('region', { name: t('catalogue.favourites') });
      await favourites.getByRole('link', { name: new RegExp(music!.title) }).waitFor();
      await page.getByRole('region', { name: t('catalogue.recents') }).getByRole('link', { name: new RegExp(music!.title) }).waitFor();
      await search(page, 'autorisación');
      const permit = serverEntries.get('autorizacion-municipal-espectaculos')!;
      await page.getByRole('link', { name: new RegExp(permit.title) }).waitFor();
      expect(problems.pageErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      await phone.expectServerSawNothingWhileOffline();
    });
  });

  it('offline, a checklist template opens from the catalogue with its items and «Usar en un evento»', async () => {
    await rig.phone({ open: '/catalogo' }, async (phone) => {
      const { page } = phone;
      const templates = page.getByRole('region', { name: t('catalogue.templates') });
      await templates.waitFor({ timeout: 30_000 });
      await phone.goOffline();
      await page.reload();
      await templates.getByRole('link').first().click();
      await page.getByText(/días? hábil(es)? (antes|después)|El día del evento/).first().waitFor();
      const use = page.getByRole('link', { name: t('catalogue.template.use') }).first();
      expect(await use.getAttribute('href')).toMatch(/^\/eventos\/nuevo\?plantilla=[a-z0-9-]+$/);
      await phone.expectServerSawNothingWhileOffline();
    });
  });
});
