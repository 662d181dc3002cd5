/**
 * A coordinador edits an entry in the app — part of it offline, across a reload — and publishes
 * it; a second phone receives it at its next "Sincronizar ahora" as exactly one change.
 */
import { expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import type { Entry } from '../../src/shared/catalogue';
import type { Change, PullResponse } from '../../src/shared/protocol';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E } from '../helpers/e2e-rig';
import { openMore } from '../helpers/e2e-steps';
import { pullAll } from '../helpers/pull';

const ENTRY_ID = 'calculo-de-aforo';
const NEW_HEADING = 'Paso publicado desde el editor';

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

describeE2E('publishing a catalogue entry from the app', (rig) => {
  it('an entry a coordinador edits (offline, across a reload) and publishes reaches a second phone at its next pull, and only that entry travels', async () => {
    const before = await pullAll(rig.server, undefined, 'catalogue');
    const original = before.changes.find((c) => c.id === ENTRY_ID)?.row as Entry | undefined;
    expect(original, 'el servidor sirve la entrada').toBeDefined();

    // Phone B: a reader with no account; its first pull brings the whole catalogue.
    await rig.phone({ open: false, name: 'teléfono del lector' }, (reader) => rig.phone({ login: COORDINADOR, name: 'teléfono del editor' }, async (editor) => {
      const readerPage = reader.page;
      const pulls = recordCataloguePulls(readerPage);
      await reader.goto('/catalogo');
      await readerPage.getByRole('heading', { level: 2, name: t('catalogue.topics') }).waitFor({ timeout: 30_000 });

      // Phone A: the coordinador, signed in, opens the editor from Más.
      const { page } = editor;
      await openMore(page, t('more.editor'));
      await page.getByRole('link', { name: new RegExp(original!.title) }).click();
      const source = page.getByLabel(t('editor.source'));
      await source.waitFor({ timeout: 20_000 });
      await page.getByText(t('editor.valid')).waitFor({ timeout: 20_000 });
      await expectNoSeriousAxeViolations(page, 'editor', { mainOnly: true });

      // The signal drops: the editor says so, keeps what is typed, and a reload loses nothing.
      await editor.goOffline();
      await page.getByText(t('editor.offline')).waitFor();
      const published = await source.inputValue();
      const draft = published.replace('\n## ', `\n## ${NEW_HEADING}\n\nEscrito sin señal en la plaza.\n\n## `);
      await source.fill(draft);
      await page.reload();
      await expect.poll(() => page.getByLabel(t('editor.source')).inputValue(), { timeout: 20_000 }).toBe(draft);
      expect(await page.getByRole('button', { name: t('editor.publish') }).isDisabled()).toBe(true);
      await editor.expectServerSawNothingWhileOffline();

      // Back online: the draft is checked, previewed and published after confirming.
      await editor.goOnline();
      await page.getByRole('region', { name: t('editor.preview') }).getByRole('heading', { name: NEW_HEADING }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: t('editor.publish') }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: t('editor.confirmYes') }).click();
      await page.getByText(/^Publicada: versión \d+\.$/).waitFor({ timeout: 20_000 });

      // The SERVER holds it: exactly one change past the old cursor, the edited entry.
      const delta = await pullAll(rig.server, undefined, 'catalogue', 500, before.cursor);
      expect(delta.changes.map((c) => [c.table, c.id])).toEqual([['entries', ENTRY_ID]]);
      expect(JSON.stringify(delta.changes[0]!.row)).toContain(NEW_HEADING);

      // Phone B syncs: one change arrives, and the reader shows the new step.
      const publishedAt = Date.now();
      await reader.goto('/mas/sincronizacion');
      await readerPage.getByRole('button', { name: t('sync.now') }).click();
      await expect.poll(() => pulls.filter((p) => p.at >= publishedAt && p.changes.length > 0).length, { timeout: 20_000 }).toBe(1);
      const travelled = pulls.filter((p) => p.at >= publishedAt).flatMap((p) => p.changes);
      expect(travelled.map((c) => [c.table, c.id])).toEqual([['entries', ENTRY_ID]]);
      await reader.goto(`/catalogo/${ENTRY_ID}`);
      await readerPage.getByRole('heading', { name: NEW_HEADING }).waitFor({ timeout: 20_000 });

      expect(editor.problems.pageErrors).toEqual([]);
      expect(editor.problems.cspViolations).toEqual([]);
    }));
  });
});
