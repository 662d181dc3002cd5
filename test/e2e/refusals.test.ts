/**
 * What the interface says must be true (issue 9): a change the server refuses is undone on the
 * phone that made it (the record returns to what the server holds, so two phones never silently
 * disagree), the top bar never says «Al día» while it waits, and Más → Sincronización names it
 * in Spanish.
 */
import { expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../src/shared/errors';
import { t } from '../../src/shared/i18n';
import { COORDINADOR } from '../helpers/e2e-accounts';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { planEvent, type EventForm } from '../helpers/e2e-steps';

const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM_A = /^Confirme con la Dirección Desconcentrada/;
const dance = (title: string): EventForm => ({
  title, type: t('events.type.danza'), date: '2099-03-10', starts: '16:00', ends: '19:00', region: 'Cusco', province: 'Urubamba', audience: 300, music: null, heritage: true,
});

async function openRun(phone: Phone, path: string): Promise<void> {
  await expect.poll(async () => {
    await phone.goto(path);
    return phone.page.getByRole('heading', { level: 1, name: TEMPLATE }).isVisible({ timeout: 2000 }).catch(() => false);
  }, { timeout: 30_000 }).toBe(true);
}

describeE2E('refusals are seen and undone', (rig) => {
  it('a tick on someone else\'s list that the server refuses is undone on the phone; the top bar says so and Sincronización names it', async () => {
    const gestora = rig.addAccount('gestor', { name: 'Rosa Huamán' });
    await rig.phone({ login: gestora, templates: true, name: 'teléfono de la gestora' }, async (own) => {
      const path = await planEvent(own.page, dance('Danza en Pisac'), TEMPLATE);
      const [, , eventId, , runId] = path.split('/');
      await expect.poll(async () => (await readServerData(rig.server, gestora)).some((c) => c.table === 'checklistRuns' && c.row?.['eventId'] === eventId), { timeout: 30_000 }).toBe(true);
      await rig.phone({ login: COORDINADOR, templates: true, name: 'teléfono de coordinación' }, async (other) => {
        const { page } = other;
        await openRun(other, path);
        await forceTick(page);
        // Refused (the list is the gestora's): the phone returns to what the server holds.
        await expect.poll(() => page.getByRole('checkbox', { name: ITEM_A }).isChecked(), { timeout: 30_000 }).toBe(false);
        const badge = page.getByRole('link', { name: /1 no aceptado/ });
        await badge.waitFor({ timeout: 30_000 });
        expect(await page.getByText(t('shell.sync.upToDate'), { exact: true }).count()).toBe(0);
        const items = (await readServerData(rig.server, gestora)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`));
        expect(items.filter((c) => (c.row?.['state'] as { done?: boolean } | undefined)?.done)).toHaveLength(0);

        await badge.click();
        await page.getByRole('heading', { level: 1, name: 'Sincronización' }).waitFor();
        await page.getByText('Un cambio en un ítem de la lista del evento «Danza en Pisac»').waitFor({ timeout: 15_000 });
        await page.getByText(`Motivo: ${ERROR_MESSAGES.not_owner}`).waitFor();
        await page.getByText('Nada por enviar, pero el servidor no aceptó 1 cambio: véalo en «Requiere atención».').waitFor();
        expect(await page.getByText(/[a-z]+\.[a-z]+[A-Z]?[a-z]*\)/).count()).toBe(0); // no «(checklist.setItem)»
      });
    });
  }, 180_000);
});

/** Ticks item A as this build's list offers it. */
async function forceTick(page: Phone['page']): Promise<void> {
  await page.getByRole('checkbox', { name: ITEM_A }).check();
}
