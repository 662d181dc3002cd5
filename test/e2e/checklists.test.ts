import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { t } from '../../src/shared/i18n';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { addGestor, waitForTemplates, logIn, readServerData, type Account } from '../helpers/e2e-events';

const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM_A = /^Confirme con la Dirección Desconcentrada/;
const ITEM_B = /^Presente a la DDC la solicitud/;
const ITEM_NOTE = /^Anote las condiciones que indique la DDC/;

interface Phone {
  context: BrowserContext;
  page: Page;
}

async function openPhone(browser: Browser, server: RunningServer, gestor: Account): Promise<Phone> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorkerControl(page);
  await logIn(page, gestor);
  await waitForTemplates(page);
  return { context, page };
}

/** Creates an event with a heritage site through the form and adds the heritage checklist. */
async function planEvent(page: Page, server: RunningServer, title: string): Promise<string> {
  await page.goto(`${server.url}/eventos/nuevo`);
  await page.getByLabel(t('events.field.title')).fill(title);
  await page.getByLabel(t('events.field.type')).selectOption({ label: t('events.type.danza') });
  await page.getByLabel(t('forms.date')).first().fill('2099-03-10');
  await page.getByLabel(t('forms.time')).first().fill('16:00');
  await page.getByLabel(t('forms.time')).last().fill('19:00');
  await page.getByLabel(t('forms.region')).selectOption({ label: 'Cusco' });
  await page.getByLabel(t('forms.province')).selectOption({ label: 'Urubamba' });
  await page.getByLabel(t('events.field.audience')).fill('300');
  await page.getByLabel(t('events.outdoors.yes')).check();
  await page.getByLabel(t('events.field.heritage')).check();
  await page.getByRole('button', { name: t('events.form.save') }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const offer = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: TEMPLATE }) });
  await offer.getByRole('button', { name: new RegExp(`^${t('checklists.add')}`) }).click();
  await page.getByRole('link', { name: TEMPLATE }).click();
  await page.getByRole('heading', { level: 1, name: TEMPLATE }).waitFor();
  return page.url();
}

/** Opens the run's address on another phone once its own pull brought the event and run. */
async function openRun(page: Page, url: string): Promise<void> {
  await expect.poll(async () => {
    await page.goto(url);
    return page.getByRole('heading', { level: 1, name: TEMPLATE }).isVisible({ timeout: 2000 }).catch(() => false);
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
  await phone.context.setOffline(false);
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

describeE2E('checklists: ticked offline on two phones, merged per item and field', () => {
  let server: RunningServer;
  let browser: Browser;
  let gestor: Account;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    gestor = addGestor(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const order of [['first', 'second'], ['second', 'first']] as const) {
    it(`two phones offline tick different items and note the same one; online ${order.join(' then ')}, both keep both ticks and the later note, as the server does`, async () => {
      const first = await openPhone(browser, server, gestor);
      const second = await openPhone(browser, server, gestor);
      const phones = { first, second };
      try {
        const url = await planEvent(first.page, server, `Danza en Ollantaytambo (${order[0]})`);
        await expect.poll(async () => (await readServerData(server, gestor)).some((c) => c.table === 'checklistRuns' && c.row?.['eventId'] === url.split('/')[4]), { timeout: 30_000 }).toBe(true);
        await openRun(second.page, url);
        await first.context.setOffline(true);
        await second.context.setOffline(true);

        await first.page.getByRole('checkbox', { name: ITEM_A }).check();
        await setNote(first.page, ITEM_NOTE, 'Nota del primer teléfono');
        await second.page.waitForTimeout(50); // the second note is written later
        await second.page.getByRole('checkbox', { name: ITEM_B }).check();
        await setNote(second.page, ITEM_NOTE, 'Nota del segundo teléfono');

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
        const runId = url.split('/').at(-1);
        const items = (await readServerData(server, gestor)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`));
        const byItem = Object.fromEntries(items.map((c) => [c.row?.['itemId'], c.row?.['state']]));
        expect(byItem['sp-condicion']).toEqual({ done: true });
        expect(byItem['sp-solicitud-ddc']).toEqual({ done: true });
        expect(byItem['sp-condiciones']).toEqual({ note: 'Nota del segundo teléfono' });
      } finally {
        await first.context.close();
        await second.context.close();
      }
    });
  }

  it('a checklist can be completed with the keyboard alone, axe finds nothing serious on it, and its CSV says so', async () => {
    const phone = await openPhone(browser, server, gestor);
    try {
      const url = await planEvent(phone.page, server, 'Festival de danzas con teclado');
      await phone.page.goto(url);
      const heading = phone.page.getByRole('heading', { level: 1, name: TEMPLATE });
      await heading.waitFor();
      const axe = await new AxeBuilder({ page: phone.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await heading.focus();
      const total = await phone.page.getByRole('checkbox', { name: /./ }).count();
      for (let presses = 0; presses < total * 4 + 20; presses += 1) {
        await phone.page.keyboard.press('Tab');
        const focused = await phone.page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === 'checkbox' ? { isChecked: el.checked, isTick: el.id.startsWith('item-') } : null;
        });
        if (focused?.isTick && !focused.isChecked) await phone.page.keyboard.press('Space');
        if (await phone.page.getByText(/^Avance total: (\d+) de \1 · 100 %$/).count()) break;
      }
      await phone.page.getByText(/^Avance total: (\d+) de \1 · 100 %$/).waitFor({ timeout: 5000 });
      const runId = url.split('/').at(-1);
      await expect.poll(async () => (await readServerData(server, gestor)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`) && c.row?.['state'] && (c.row['state'] as { done?: boolean }).done).length, { timeout: 30_000 }).toBe(9);
      // The CSV made on the phone: UTF-8 with a BOM, a header and one row per item, ticks in words.
      await phone.page.goto(url.replace(/\/lista\/.*/, ''));
      const [download] = await Promise.all([
        phone.page.waitForEvent('download'),
        phone.page.getByRole('button', { name: t('checklists.csv') }).click(),
      ]);
      const bytes = await (await download.createReadStream()).toArray();
      const csv = Buffer.concat(bytes).toString('utf8');
      expect(csv.startsWith('\uFEFF"Lista","Sección","Ítem","Estado"')).toBe(true);
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(11);
      expect(lines.filter((line) => line.includes('"Hecho"'))).toHaveLength(9);
    } finally {
      await phone.context.close();
    }
  });
});
