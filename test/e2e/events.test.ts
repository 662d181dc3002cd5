import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { t } from '../../src/shared/i18n';
import { describeE2E, launchBrowser, newPhoneContext, waitForServiceWorkerControl, watchPageProblems } from '../helpers/e2e-browser';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { addGestor, waitForTemplates, logIn, readServerData, type Account } from '../helpers/e2e-events';

/** Fills the event form as a person does: by labels. */
async function fillEvent(page: Page, title: string): Promise<void> {
  await page.getByLabel(t('events.field.title')).fill(title);
  await page.getByLabel(t('events.field.type')).selectOption({ label: t('events.type.festival') });
  await page.getByLabel(t('forms.date')).first().fill('2099-06-20');
  await page.getByLabel(t('forms.time')).first().fill('18:00');
  await page.getByLabel(t('forms.date')).last().fill('2099-06-20');
  await page.getByLabel(t('forms.time')).last().fill('22:00');
  await page.getByLabel(t('events.field.venue')).fill('Plaza de Armas de Huamanga');
  await page.getByLabel(t('forms.region')).selectOption({ label: 'Ayacucho' });
  await page.getByLabel(t('forms.province')).selectOption({ label: 'Huamanga' });
  await page.getByLabel(t('events.field.audience')).fill('2500');
  await page.getByLabel(t('events.outdoors.yes')).check();
  await page.getByLabel(t('events.music.live')).check();
  await page.getByLabel(t('events.field.heritage')).check();
}

async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describeE2E('events: planned offline, kept on the phone, sent once', () => {
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

  it('an event created offline is still there after an offline reload, and reaches the server once', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    try {
      await page.goto(server.url);
      await waitForServiceWorkerControl(page);
      await logIn(page, gestor);
      await waitForTemplates(page);
      await context.setOffline(true);
      await page.goto(`${server.url}/eventos/nuevo`);
      await fillEvent(page, 'Festival del Retablo');
      // The draft survives an offline reload before saving.
      await page.reload();
      await expect.poll(() => page.getByLabel(t('events.field.title')).inputValue()).toBe('Festival del Retablo');
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByRole('heading', { level: 1, name: 'Festival del Retablo' }).waitFor();
      // Proposed from the answers, with the reason in words.
      const heritage = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Actividad en un sitio del patrimonio cultural' }) });
      await heritage.getByText('Propuesta. Porque el evento es en un sitio patrimonial.').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Festival del Retablo' }).waitFor();
      await page.goto(`${server.url}/eventos`);
      await page.getByRole('link', { name: 'Festival del Retablo' }).waitFor();
      expect((await readServerData(server, gestor)).filter((c) => c.table === 'events')).toEqual([]);

      await context.setOffline(false);
      await expect.poll(async () => (await readServerData(server, gestor)).filter((c) => c.table === 'events').length, { timeout: 30_000 }).toBe(1);
      // Another wake-up (a reload online) sends nothing twice.
      await page.reload();
      await page.getByRole('link', { name: 'Festival del Retablo' }).waitFor();
      await page.waitForTimeout(1500);
      const events = (await readServerData(server, gestor)).filter((c) => c.table === 'events');
      expect(events).toHaveLength(1);
      expect(events[0]?.row).toMatchObject({ title: 'Festival del Retablo', placeCode: '0501', startsAt: '2099-06-20T23:00:00.000Z', music: 'live' });
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('axe-core finds no serious or critical violation on the event screens (list, form with errors, event)', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await logIn(page, gestor);
      await waitForTemplates(page);
      await page.goto(`${server.url}/eventos/nuevo`);
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByText(t('events.form.fix')).waitFor();
      await expectNoSeriousAxeViolations(page, 'formulario con errores');
      await fillEvent(page, 'Concierto de la Tuna');
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByRole('heading', { level: 1, name: 'Concierto de la Tuna' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'evento');
      await page.goto(`${server.url}/eventos`);
      await page.getByRole('link', { name: 'Concierto de la Tuna' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'lista de eventos');
    } finally {
      await context.close();
    }
  });
});
