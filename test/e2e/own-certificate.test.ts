/**
 * The participant's own constancia end to end (issue 13, #11): a person checks in on their own
 * phone at /t/<CÓDIGO>; the facilitadora issues the constancia from her phone; the person's phone
 * then shows «Su constancia» with their name and its code, and after the rig's real network
 * switch goes off, a reload still opens it (the last answer kept on the phone). The document
 * number the person typed never comes back to the page.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Change } from '../../src/shared/protocol';
import { apiLogIn, pushAs, type Account } from '../helpers/e2e-accounts';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { describeE2E } from '../helpers/e2e-rig';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';
import { makeWorkshopArgs } from '../server/workshops/workshop-fixtures';

const PERSON = 'Ñusta Cárdenas Huamaní';
const DOCUMENT_NUMBER = '40123456';
const CODE_PATTERN = /([A-Z2-9]{4}-\d{4})/;

describeE2E('the participant\'s own constancia, on the phone that checked in', (rig) => {
  let account: Account;
  // Starts in two hours by the server's clock: the participants' window (a day before) is open.
  const workshop = makeWorkshopArgs(Date.now(), { title: 'Taller e2e: su constancia', facilitators: ['Rosa Huamán'] });

  beforeAll(async () => {
    account = rig.addAccount('facilitador', { name: 'Rosa Huamán' });
    // The workshop reaches the server from another of her phones (a push with her session).
    expect(await pushAs(rig.server, account, [['workshop.save', workshop]])).toMatchObject({ rejected: [] });
  });

  /** The rows of `table` the facilitadora's session pulls from the server, latest version of each. */
  async function serverRows(table: string): Promise<Record<string, unknown>[]> {
    const session = await apiLogIn(rig.server, account);
    const changes: Map<string, Change> = latestByRecord((await pullAll(rig.server, session, 'user')).changes);
    return [...changes.values()].filter((c) => c.table === table && c.row).map((c) => c.row as Record<string, unknown>);
  }

  it('checked in, issued by the facilitadora, shown with name and code, and opened again offline with nothing else', async () => {
    await rig.phone({ open: false, name: 'teléfono del participante' }, async (participant) => {
      const { page } = participant;
      await page.setViewportSize({ width: 360, height: 640 });
      await participant.goto(`/t/${workshop.code}`);
      await page.getByRole('heading', { level: 1, name: workshop.title }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Registrar mi asistencia' }).click();
      await page.getByLabel('Nombre completo').fill(PERSON);
      await page.getByLabel('Tipo de documento (opcional)').selectOption('dni');
      await page.getByLabel('Número de documento (opcional)').fill(DOCUMENT_NUMBER);
      await page.getByLabel('Tipo de entidad').selectOption({ label: 'Municipalidad distrital' });
      await page.getByLabel('Nombre de la entidad').fill('Municipalidad Distrital de Quinua');
      await page.getByLabel(/^Leí el aviso de privacidad y acepto/).check();
      await page.getByRole('button', { name: 'Registrar mi asistencia' }).click();
      await page.getByText(`Gracias, ${PERSON}: su asistencia quedó registrada desde este teléfono.`).waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await serverRows('attendance')).filter((r) => JSON.stringify(r).includes(PERSON)).length,
        { timeout: 60_000, interval: 2_000 }).toBe(1);
      // Before the constancia: the card says it is not issued yet.
      await participant.goto(`/t/${workshop.code}`);
      await page.getByText('Su constancia aún no ha sido emitida.', { exact: false }).waitFor({ timeout: 30_000 });

      // The facilitadora, on her own phone, issues it from the attendance screen.
      let code = '';
      await rig.phone({ login: account, name: 'teléfono de la facilitadora' }, async (facilitadora) => {
        const staff = facilitadora.page;
        const issueAll = staff.getByRole('button', { name: 'Emitir constancia a todas las personas presentes (1)' });
        await expect.poll(async () => {
          await facilitadora.goto(`/talleres/${workshop.id}/asistencia`);
          return issueAll.isVisible({ timeout: 3_000 }).catch(() => false);
        }, { timeout: 60_000 }).toBe(true);
        await issueAll.click();
        await staff.getByRole('link', { name: new RegExp(`^Ver la constancia [A-Z2-9]{4}-\\d{4} de ${PERSON}$`) }).waitFor({ timeout: 15_000 });
        // Her phone stays open until its sync delivered the constancia to the server.
        await expect.poll(async () => {
          const issued = (await serverRows('certificates')).find((r) => r['workshopId'] === workshop.id);
          code = String(issued?.['code'] ?? '');
          return CODE_PATTERN.test(code);
        }, { timeout: 60_000, interval: 2_000 }).toBe(true);
      });

      // The person's phone, opened again with a connection, learns it was issued.
      await participant.goto(`/t/${workshop.code}`);
      const card = page.getByRole('region', { name: 'Su constancia' });
      await card.getByText('Su constancia de participación fue emitida.').waitFor({ timeout: 30_000 });
      await card.getByRole('link', { name: 'Ver su constancia' }).click();
      const sheet = page.getByRole('article', { name: 'Constancia de participación' });
      await page.getByRole('img', { name: `Código QR para verificar la constancia ${code}` }).waitFor({ timeout: 30_000 });
      for (const part of [PERSON, `«${workshop.title}»`, 'Rosa Huamán', code, `/v/${code}`]) expect(await sheet.textContent()).toContain(part);
      expect(await page.locator('body').textContent()).not.toContain(DOCUMENT_NUMBER);
      await page.screenshot({ path: 'test-results/own-certificate-360.png', fullPage: true });

      // No connection at all: a reload still opens it, marked as what the phone kept.
      await waitForServiceWorkerControl(page, 60_000);
      await participant.goOffline();
      await page.reload();
      await page.getByRole('img', { name: `Código QR para verificar la constancia ${code}` }).waitFor({ timeout: 30_000 });
      const kept = await sheet.textContent();
      expect(kept).toContain(PERSON);
      expect(kept).toContain(code);
      await page.getByText('Se muestra lo que este teléfono guardó la última vez que tuvo conexión.').waitFor();
      const body = await page.locator('body').textContent();
      expect(body).not.toContain(DOCUMENT_NUMBER);
      await page.screenshot({ path: 'test-results/own-certificate-offline-360.png', fullPage: true });
    });
  }, 300_000);
});
