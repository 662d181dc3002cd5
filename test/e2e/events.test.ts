import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { fillEventForm, type EventForm } from '../helpers/e2e-steps';

/** A festival in Huamanga's main square: live music, in a heritage site, on 20 June 2099. */
const festival = (title: string): EventForm => ({
  title, date: '2099-06-20', starts: '18:00', ends: '22:00', venue: 'Plaza de Armas de Huamanga', audience: 2500, heritage: true,
});

describeE2E('events: planned offline, kept on the phone, sent once', (rig) => {
  const gestor = rig.useAccount('gestor');

  it('an event created offline is still there after an offline reload, and reaches the server once', async () => {
    await rig.phone({ login: gestor, templates: true }, async (phone) => {
      const { page } = phone;
      const serverEvents = async () => (await readServerData(rig.server, gestor)).filter((c) => c.table === 'events');
      await phone.goOffline();
      await phone.goto('/eventos/nuevo');
      await fillEventForm(page, festival('Festival del Retablo'));
      // The draft survives an offline reload before saving.
      await page.reload();
      await expect.poll(() => page.getByLabel(t('events.field.title')).inputValue()).toBe('Festival del Retablo');
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByRole('heading', { level: 1, name: 'Festival del Retablo' }).waitFor();
      // Proposed from the answers, with the reason in words.
      const heritage = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Actividad en un sitio del patrimonio cultural' }) });
      await heritage.getByText('Propuesta. Porque se realiza en un sitio patrimonial.').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Festival del Retablo' }).waitFor();
      await phone.goto('/eventos');
      await page.getByRole('link', { name: 'Festival del Retablo' }).waitFor();
      expect(await serverEvents()).toEqual([]);
      await phone.expectServerSawNothingWhileOffline();

      await phone.goOnline();
      await expect.poll(async () => (await serverEvents()).length, { timeout: 30_000 }).toBe(1);
      // Another wake-up (a reload online) sends nothing twice. Its round pushes first and pulls
      // after: once the pull reached the server, a second push would have reached it too.
      const reloadedAt = Date.now();
      await page.reload();
      await page.getByRole('link', { name: 'Festival del Retablo' }).waitFor();
      await expect.poll(async () => (await phone.requestsSince(reloadedAt)).some((r) => r.url.startsWith('/api/sync/pull?scope=user')), { timeout: 30_000 }).toBe(true);
      const events = await serverEvents();
      expect(events).toHaveLength(1);
      expect(events[0]?.row).toMatchObject({ title: 'Festival del Retablo', placeCode: '0501', startsAt: '2099-06-20T23:00:00.000Z', music: 'live' });
      expect(phone.problems.pageErrors).toEqual([]);
    });
  });

  it('a fresh server gives a region’s districts the first time it is chosen; offline they are still there', async () => {
    await rig.phone({ login: gestor }, async (phone) => {
      const { page } = phone;
      const districtOptions = () => page.getByLabel(t('forms.district')).locator('option').allTextContents();
      const pickHuamanga = async () => {
        await page.getByLabel(t('forms.region')).selectOption({ label: 'Ayacucho' });
        await page.getByLabel(t('forms.province')).selectOption({ label: 'Huamanga' });
      };
      await phone.goto('/eventos/nuevo');
      await pickHuamanga();
      // Huamanga has 16 districts in INEI's directory, plus the whole province.
      await expect.poll(districtOptions, { timeout: 30_000 }).toHaveLength(17);
      expect(await districtOptions()).toContain('Andrés Avelino Cáceres Dorregaray');
      expect(await districtOptions()).toContain(t('forms.district.whole'));
      await phone.goOffline();
      await page.reload();
      await page.getByLabel(t('forms.region')).waitFor();
      await pickHuamanga();
      await expect.poll(districtOptions).toHaveLength(17);
      await page.getByLabel(t('forms.district')).selectOption({ label: 'Jesús Nazareno' });
      expect(phone.problems.pageErrors).toEqual([]);
    });
  });

  it('axe-core finds no serious or critical violation on the event screens (list, form with errors, event)', async () => {
    await rig.phone({ login: gestor, templates: true }, async (phone) => {
      const { page } = phone;
      await phone.goto('/eventos/nuevo');
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByText(t('events.form.fix')).waitFor();
      await expectNoSeriousAxeViolations(page, 'formulario con errores');
      await fillEventForm(page, festival('Concierto de la Tuna'));
      await page.getByRole('button', { name: t('events.form.save') }).click();
      await page.getByRole('heading', { level: 1, name: 'Concierto de la Tuna' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'evento');
      await phone.goto('/eventos');
      await page.getByRole('link', { name: 'Concierto de la Tuna' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'lista de eventos');
    });
  });
});
