import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { doesItemApply } from '../../src/shared/catalogue/conditions';
import type { ChecklistTemplate } from '../../src/shared/catalogue/template';
import { t } from '../../src/shared/i18n';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import type { RunningServer } from '../helpers/e2e-server';
import { latestByRecord, readServerData } from '../helpers/e2e-server-view';
import { planEvent, type EventForm } from '../helpers/e2e-steps';
import { pullAll } from '../helpers/pull';

const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM_A = /^Confirme con la Dirección Desconcentrada/;
const ITEM_B = /^Presente a la DDC la solicitud/;
const ITEM_NOTE = /^Anote las condiciones que indique la DDC/;

/** A dance in a heritage site, so the heritage checklist is offered. */
const dance = (title: string): EventForm => ({
  title, type: t('events.type.danza'), date: '2099-03-10', starts: '16:00', ends: '19:00', region: 'Cusco', province: 'Urubamba', audience: 300, music: null, heritage: true,
});

/**
 * The heritage template's items as the server serves it (the catalogue grows), and how many
 * apply to `dance`: outdoors, heritage site, 300 people, no music.
 */
async function countHeritageItems(server: RunningServer): Promise<{ total: number; applying: number }> {
  const changes = latestByRecord((await pullAll(server, undefined, 'catalogue')).changes);
  const template = [...changes.values()].find((c) => c.table === 'checklistTemplates' && c.id === 'sitio-patrimonial')!.row as ChecklistTemplate;
  const items = template.sections.flatMap((s) => s.items);
  const event = { type: 'danza', expectedAudience: 300, outdoors: true, music: 'none', heritageSite: true, minors: false } as const;
  return { total: items.length, applying: items.filter((item) => doesItemApply(item, event)).length };
}

/** Opens the run's address on another phone once its own pull brought the event and run. */
async function openRun(phone: Phone, path: string): Promise<void> {
  await expect.poll(async () => {
    await phone.goto(path);
    return phone.page.getByRole('heading', { level: 1, name: TEMPLATE }).isVisible({ timeout: 2000 }).catch(() => false);
  }, { timeout: 30_000 }).toBe(true);
}

async function setNote(page: Page, item: RegExp, note: string): Promise<void> {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: item }) });
  await row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) }).click();
  await row.getByLabel(t('checklists.note')).fill(note);
  await row.getByLabel(t('checklists.note')).blur();
  await row.getByText(note, { exact: true }).waitFor();
}

/** Goes online and waits until this phone's outbox is empty (the top bar stops counting). */
async function comeOnline(phone: Phone): Promise<void> {
  await phone.goOnline();
  await phone.page.reload();
  await expect.poll(() => phone.page.getByText(/por enviar/).count(), { timeout: 30_000 }).toBe(0);
}

async function readItemState(page: Page) {
  const row = (name: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name }) });
  return {
    a: await page.getByRole('checkbox', { name: ITEM_A }).isChecked(),
    b: await page.getByRole('checkbox', { name: ITEM_B }).isChecked(),
    note: (await row(ITEM_NOTE).locator('.checklist__note').textContent()) ?? '',
  };
}

describeE2E('checklists: ticked offline on two phones, merged per item and field', (rig) => {
  const gestor = rig.useAccount('gestor');
  const serverItems = async (runId: string) => (await readServerData(rig.server, gestor)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`));

  for (const order of [['first', 'second'], ['second', 'first']] as const) {
    it(`two phones offline tick different items and note the same one; online ${order.join(' then ')}, both keep both ticks and the later note, as the server does; the losing note is shown on its phone and restored`, async () => {
      await rig.phone({ login: gestor, templates: true, name: 'primer teléfono' }, (first) => rig.phone({ login: gestor, templates: true, name: 'segundo teléfono' }, async (second) => {
        const phones = { first, second };
        const path = await planEvent(first.page, dance(`Danza en Ollantaytambo (${order[0]})`), TEMPLATE);
        const [, , eventId, , runId] = path.split('/');
        await expect.poll(async () => (await readServerData(rig.server, gestor)).some((c) => c.table === 'checklistRuns' && c.row?.['eventId'] === eventId), { timeout: 30_000 }).toBe(true);
        await openRun(second, path);
        await first.goOffline();
        await second.goOffline();

        await first.page.getByRole('checkbox', { name: ITEM_A }).check();
        await setNote(first.page, ITEM_NOTE, 'Nota del primer teléfono');
        await second.page.waitForTimeout(50); // the second note is written later, by the clock too
        await second.page.getByRole('checkbox', { name: ITEM_B }).check();
        await setNote(second.page, ITEM_NOTE, 'Nota del segundo teléfono');
        for (const phone of [first, second]) await phone.expectServerSawNothingWhileOffline();

        await comeOnline(phones[order[0]]);
        await comeOnline(phones[order[1]]);
        // The one that synced first pulls what the other sent.
        await phones[order[0]].page.reload();
        const expected = { a: true, b: true, note: 'Nota del segundo teléfono' };
        for (const phone of [first, second]) {
          await expect.poll(async () => {
            await phone.page.getByRole('heading', { level: 1, name: TEMPLATE }).waitFor();
            const state = await readItemState(phone.page);
            if (state.note !== expected.note || !state.a || !state.b) await phone.page.reload();
            return state;
          }, { timeout: 30_000 }).toEqual(expected);
        }
        const byItem = Object.fromEntries((await serverItems(runId!)).map((c) => [c.row?.['itemId'], c.row?.['state']]));
        expect(byItem['sp-condicion']).toEqual({ done: true, notApplicable: false });
        expect(byItem['sp-solicitud-ddc']).toEqual({ done: true, notApplicable: false });
        expect(byItem['sp-condiciones']).toEqual({ note: 'Nota del segundo teléfono' });

        // The first phone's note lost, but not without a trace: the item shows it and can bring it back.
        const lost = first.page.getByText(t('checklists.lost.note', { text: 'Nota del primer teléfono' }));
        await lost.waitFor({ timeout: 15_000 });
        expect(await second.page.getByText(/Otra persona cambió esta nota/).count()).toBe(0);
        const row = first.page.getByRole('listitem').filter({ has: first.page.getByRole('checkbox', { name: ITEM_NOTE }) });
        await row.getByRole('button', { name: new RegExp(`^${t('checklists.lost.restore')}`) }).click();
        await lost.waitFor({ state: 'detached' });
        await expect.poll(async () => Object.fromEntries((await serverItems(runId!)).map((c) => [c.row?.['itemId'], c.row?.['state']]))['sp-condiciones'], { timeout: 30_000 })
          .toEqual({ note: 'Nota del primer teléfono' });
      }));
    });
  }

  it('a checklist can be completed with the keyboard alone, axe finds nothing serious on it, and its CSV says so', async () => {
    await rig.phone({ login: gestor, templates: true }, async (phone) => {
      const { page } = phone;
      const path = await planEvent(page, dance('Festival de danzas con teclado'), TEMPLATE);
      const heading = page.getByRole('heading', { level: 1, name: TEMPLATE });
      await expectNoSeriousAxeViolations(page, 'lista');
      await heading.focus();
      const total = await page.getByRole('checkbox', { name: /./ }).count();
      for (let presses = 0; presses < total * 4 + 20; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === 'checkbox' ? { isChecked: el.checked, isTick: el.id.startsWith('item-') } : null;
        });
        if (focused?.isTick && !focused.isChecked) await page.keyboard.press('Space');
        if (await page.getByText(/^Avance total: (\d+) de \1 · 100 %$/).count()) break;
      }
      await page.getByText(/^Avance total: (\d+) de \1 · 100 %$/).waitFor({ timeout: 5000 });
      const runId = path.split('/').at(-1)!;
      const heritage = await countHeritageItems(rig.server);
      const done = async () => (await serverItems(runId)).filter((c) => (c.row?.['state'] as { done?: boolean } | undefined)?.done).length;
      await expect.poll(done, { timeout: 30_000 }).toBe(heritage.applying);
      // The CSV made on the phone: UTF-8 with a BOM, a header and one row per item, ticks in words.
      await phone.goto(path.replace(/\/lista\/.*/, ''));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('checklists.csv') }).click()]);
      const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
      expect(csv.startsWith('\uFEFF"Lista","Sección","Ítem","Estado"')).toBe(true);
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(heritage.total + 1);
      expect(lines.filter((line) => line.includes('"Hecho"'))).toHaveLength(heritage.applying);
    });
  });
});
