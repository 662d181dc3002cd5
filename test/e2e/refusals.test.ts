/**
 * What the interface says must be true (issue 9), with coordinación's phone and a gestora's
 * event: the interface offers no tick, edit or archive on someone else's event (the server would
 * refuse them); a change that still reaches the server and is refused (here carried in a changes
 * file made on another phone) is undone on the phone (the record returns to what the server
 * holds, so two phones never silently disagree), the top bar never says «Al día» while it waits,
 * and Más → Sincronización names it in Spanish. «Editar taller» shows only to who leads the
 * workshop (learnt from the pull on any of her phones), not to another facilitador.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../src/shared/errors';
import { t } from '../../src/shared/i18n';
import { uuidv7 } from '../../src/shared/ids';
import { COORDINADOR, pushAs } from '../helpers/e2e-accounts';
import { makeWorkshopArgs } from '../server/workshops/workshop-fixtures';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { openMore, planEvent, type EventForm } from '../helpers/e2e-steps';
import { stampAt } from '../helpers/factories';

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

const fileDir = mkdtempSync(join(tmpdir(), 'tinkuy-e2e-refusals-'));
afterAll(() => rmSync(fileDir, { recursive: true, force: true }));

/** A changes file as another phone exports it, holding one tick on the run. */
function tickFile(runId: string): string {
  const otherPhone = uuidv7();
  const file = join(fileDir, 'cambios-de-otro-telefono.json');
  writeFileSync(file, JSON.stringify({
    format: 'tinkuy-changes', version: 1, exportedAt: new Date().toISOString(),
    mutations: [{ clientId: otherPhone, seq: 1, name: 'checklist.setItem', v: 1, args: { runId, itemId: 'sp-condicion', patch: { done: true } }, hlc: stampAt(Date.now(), otherPhone) }],
  }));
  return file;
}

describeE2E('someone else\'s event: nothing offered that the server refuses, and a refusal is seen and undone', (rig) => {
  it('coordinación gets no tick, edit or archive on a gestora\'s event; a refused tick from a file is undone and named in Spanish', async () => {
    const gestora = rig.addAccount('gestor', { name: 'Rosa Huamán' });
    await rig.phone({ login: gestora, templates: true, name: 'teléfono de la gestora' }, async (own) => {
      const path = await planEvent(own.page, dance('Danza en Pisac'), TEMPLATE);
      const [, , eventId, , runId] = path.split('/');
      await expect.poll(async () => (await readServerData(rig.server, gestora)).some((c) => c.table === 'checklistRuns' && c.row?.['eventId'] === eventId), { timeout: 30_000 }).toBe(true);
      await rig.phone({ login: COORDINADOR, templates: true, name: 'teléfono de coordinación' }, async (other) => {
        const { page } = other;
        await openRun(other, path);
        await page.getByText(t('checklists.readOnly')).waitFor();
        expect(await page.getByRole('checkbox').count()).toBe(0);
        const itemA = page.getByRole('listitem').filter({ hasText: ITEM_A });
        expect(await itemA.getByText(t('checklists.state.done')).count()).toBe(0);
        await other.goto(`/eventos/${eventId}`);
        await page.getByText(t('events.othersEvent')).waitFor();
        expect(await page.getByRole('link', { name: t('events.edit') }).count()).toBe(0);
        expect(await page.getByRole('button', { name: t('events.archive') }).count()).toBe(0);

        // A tick made elsewhere reaches this phone in a changes file: shown at once, refused by the server.
        await openMore(page, t('more.sync'));
        await page.getByLabel(t('sync.importFile')).setInputFiles(tickFile(runId!));
        const badge = page.getByRole('link', { name: /1 no aceptado/ });
        await badge.waitFor({ timeout: 30_000 });
        expect(await page.getByText(t('shell.sync.upToDate'), { exact: true }).count()).toBe(0);
        await page.getByText('Un cambio en un ítem de la lista del evento «Danza en Pisac»').waitFor({ timeout: 15_000 });
        await page.getByText(`Motivo: ${ERROR_MESSAGES.not_owner}`).waitFor();
        await page.getByText('Nada por enviar, pero el servidor no aceptó 1 cambio: véalo en «Requiere atención».').waitFor();
        expect(await page.getByText(/[a-z]+\.[a-z]+[A-Z]?[a-z]*\)/).count()).toBe(0); // no «(checklist.setItem)»

        // Undone: this phone shows the item as the server holds it, not done.
        const items = (await readServerData(rig.server, gestora)).filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`));
        expect(items.filter((c) => (c.row?.['state'] as { done?: boolean } | undefined)?.done)).toHaveLength(0);
        await openRun(other, path);
        await page.getByText(t('checklists.readOnly')).waitFor();
        expect(await itemA.getByText(t('checklists.state.done')).count()).toBe(0);
      });
    });
  }, 180_000);

  it('«Editar taller» shows only to the facilitadora who leads the workshop (on any of her phones), not to another facilitador', async () => {
    const rosa = rig.addAccount('facilitador', { name: 'Rosa Huamán' });
    const luis = rig.addAccount('facilitador', { name: 'Luis Mamani' });
    // Rosa's workshop, sent from another of her phones: this phone learns she leads it only from the pull.
    const workshop = makeWorkshopArgs(Date.now(), { title: 'Taller de Rosa en Huamanga' });
    expect(await pushAs(rig.server, rosa, [['workshop.save', workshop]])).toMatchObject({ rejected: [] });
    const open = async (phone: Phone) => {
      await expect.poll(async () => {
        await phone.goto(`/talleres/${workshop.id}`);
        return phone.page.getByRole('heading', { level: 1, name: 'Taller de Rosa en Huamanga' }).isVisible({ timeout: 2000 }).catch(() => false);
      }, { timeout: 30_000 }).toBe(true);
      await phone.page.getByRole('link', { name: t('workshops.report') }).waitFor();
    };
    await rig.phone({ login: luis, name: 'teléfono de Luis' }, async (other) => {
      await open(other);
      expect(await other.page.getByRole('link', { name: t('workshops.edit') }).count()).toBe(0);
      expect(await other.page.getByRole('link', { name: t('workshops.takeAttendance') }).count()).toBe(0);
      await other.goto(`/talleres/${workshop.id}/editar`);
      await other.page.getByText(t('workshops.notYours')).waitFor();
    });
    await rig.phone({ login: rosa, name: 'otro teléfono de Rosa' }, async (own) => {
      await open(own);
      await own.page.getByRole('link', { name: t('workshops.edit') }).waitFor({ timeout: 30_000 });
      await own.page.getByRole('link', { name: t('workshops.takeAttendance') }).waitFor();
    });
  }, 180_000);
});
