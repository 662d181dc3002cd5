/**
 * No edit disappears without a trace, for an attendance record (issue 9): two phones of the
 * facilitadora correct one participant's name offline; once both synced, the phone whose
 * correction lost shows it on the record and brings it back.
 */
import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { createWorkshop } from '../helpers/e2e-workshop-steps';

const LIMA_TODAY = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);

/** Goes online and waits until this phone's outbox is empty (the top bar stops counting). */
async function comeOnline(phone: Phone): Promise<void> {
  await phone.goOnline();
  await phone.page.reload();
  await expect.poll(() => phone.page.getByText(/por enviar/).count(), { timeout: 30_000 }).toBe(0);
}

/** «Corregir a …» on the roster: a new name, saved (offline: on the phone only). */
async function correctName(phone: Phone, from: string, to: string): Promise<void> {
  await phone.page.getByRole('button', { name: `Corregir a ${from}` }).click();
  await phone.page.getByLabel('Nombre completo').fill(to);
  await phone.page.getByRole('button', { name: 'Guardar corrección' }).click();
  await phone.page.getByText(`Corrección de ${to} guardada.`).waitFor({ timeout: 15_000 });
}

describeE2E('an attendance record corrected on two phones offline', (rig) => {
  const facilitadora = rig.useAccount('facilitador');
  const serverName = async (id: string) => ((await readServerData(rig.server, facilitadora)).filter((c) => c.table === 'attendance' && c.id === id).at(-1)?.row?.['person'] as { fullName?: string } | undefined)?.fullName;

  it('the later correction wins on both; the phone whose name lost shows it on the record and restores it', async () => {
    await rig.phone({ login: facilitadora, name: 'primer teléfono' }, (first) => rig.phone({ login: facilitadora, name: 'segundo teléfono' }, async (second) => {
      const workshop = await createWorkshop(first, facilitadora, 'Taller e2e: correcciones', LIMA_TODAY);
      const page = `/talleres/${workshop.id}/asistencia`;
      await first.goto(page);
      await first.page.getByLabel('Nombre completo').fill('Maria Quispe Huamani');
      await first.page.getByLabel('Tipo de entidad').selectOption({ label: 'Municipalidad distrital' });
      await first.page.getByLabel('Nombre de la entidad').fill('Municipalidad Distrital de Quinua');
      await first.page.getByLabel('Región').selectOption('05');
      await first.page.getByLabel(/da su consentimiento/).check();
      await first.page.getByRole('button', { name: 'Guardar asistencia' }).click();
      await first.page.getByRole('heading', { name: 'Asistentes: 1' }).waitFor({ timeout: 15_000 });
      let id = '';
      await expect.poll(async () => {
        const row = (await readServerData(rig.server, facilitadora)).find((c) => c.table === 'attendance' && !c.deleted);
        id = row?.id ?? '';
        return id !== '';
      }, { timeout: 30_000 }).toBe(true);
      await expect.poll(async () => {
        await second.goto(page);
        return second.page.getByRole('button', { name: 'Corregir a Maria Quispe Huamani' }).isVisible({ timeout: 2000 }).catch(() => false);
      }, { timeout: 30_000 }).toBe(true);
      await first.goOffline();
      await second.goOffline();

      await correctName(first, 'Maria Quispe Huamani', 'María Quispe Huamaní');
      await second.page.waitForTimeout(50); // the second correction is written later, by the clock too
      await correctName(second, 'Maria Quispe Huamani', 'María Quispe Guamaní');
      for (const phone of [first, second]) await phone.expectServerSawNothingWhileOffline();

      await comeOnline(first);
      await comeOnline(second);
      await expect.poll(() => serverName(id), { timeout: 30_000 }).toBe('María Quispe Guamaní');

      const lost = first.page.getByText(t('roster.lost.fullName', { text: 'María Quispe Huamaní' }));
      await expect.poll(async () => {
        await first.goto(page);
        return lost.isVisible({ timeout: 2000 }).catch(() => false);
      }, { timeout: 30_000 }).toBe(true);
      expect(await second.page.getByText(/Otra persona corrigió/).count()).toBe(0);
      await first.page.getByRole('button', { name: new RegExp(`^${t('roster.lost.restore')}`) }).click();
      await lost.waitFor({ state: 'detached' });
      await expect.poll(() => serverName(id), { timeout: 30_000 }).toBe('María Quispe Huamaní');
    }));
  });
});
