/**
 * Constancias end to end (issue 13): a facilitadora offline (the rig's real network switch)
 * issues a constancia from the attendance screen and opens it with its QR; back online, the
 * server holds it, and someone else's browser with no session verifies its code at /v/<código>.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Change } from '../../src/shared/protocol';
import { apiLogIn, type Account } from '../helpers/e2e-accounts';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';

const LIMA_TODAY = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);

describeE2E('Constancias: issued offline, verified by anyone after sync', (rig) => {
  let account: Account;
  let facilitadora: Phone;
  let stranger: Phone;

  beforeAll(async () => {
    account = rig.addAccount('facilitador', { name: 'Rosa Huamán' });
    facilitadora = await rig.openPhone({ login: account, name: 'teléfono de la facilitadora' });
    stranger = await rig.openPhone({ open: false, name: 'navegador de una entidad que verifica' });
  });

  it('a constancia issued offline syncs and its code verifies without a session', async () => {
    const { page } = facilitadora;
    await page.setViewportSize({ width: 360, height: 640 });
    await facilitadora.goto('/talleres/nuevo');
    await page.getByLabel('Título').fill('Taller e2e: constancias');
    await page.getByLabel('Tema').fill('Gestión cultural');
    for (const [group, hour] of [['Inicio (hora de Lima)', '08:00'], ['Término (hora de Lima)', '12:00']] as const) {
      const fields = page.getByRole('group', { name: group });
      await fields.getByLabel('Fecha').fill(LIMA_TODAY);
      await fields.getByLabel('Hora').fill(hour);
    }
    await page.getByRole('radio', { name: 'Presencial' }).check();
    await page.getByLabel('Región').selectOption({ label: 'Ayacucho' });
    await page.getByLabel('Provincia').selectOption({ label: 'Huamanga' });
    await page.getByLabel('Local (dirección o nombre)').fill('Auditorio de la DDC Ayacucho');
    await page.getByLabel('Capacidad (personas)').fill('30');
    await page.getByLabel('Facilitadores').fill('Rosa Huamán');
    await page.getByRole('button', { name: 'Guardar taller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Taller e2e: constancias' }).waitFor({ timeout: 15_000 });
    const workshopId = /\/talleres\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await waitForServiceWorkerControl(page);

    await facilitadora.goto(`/talleres/${workshopId}/asistencia`);
    await page.getByLabel('Nombre completo').fill('Ñusta Cárdenas Huamaní');
    await page.getByLabel('Tipo de entidad').selectOption({ label: 'Municipalidad distrital' });
    await page.getByLabel('Nombre de la entidad').fill('Municipalidad Distrital de Quinua');
    await page.getByLabel('Región').selectOption('05');
    await page.getByLabel(/da su consentimiento/).check();
    await page.getByRole('button', { name: 'Guardar asistencia' }).click();
    await page.getByRole('heading', { name: 'Asistentes: 1' }).waitFor({ timeout: 15_000 });

    await facilitadora.goOffline();
    await page.getByRole('button', { name: 'Emitir constancia a todas las personas presentes (1)' }).click();
    const link = page.getByRole('link', { name: /^Ver la constancia [A-Z2-9]{4}-\d{4} de Ñusta Cárdenas Huamaní$/ });
    const code = /([A-Z2-9]{4}-\d{4})/.exec((await link.getAttribute('aria-label')) ?? '')![1]!;
    await link.click();
    await page.getByRole('img', { name: `Código QR para verificar la constancia ${code}` }).waitFor({ timeout: 15_000 });
    const sheet = await page.getByRole('article', { name: 'Constancia de participación' }).textContent();
    expect(sheet).toContain('Ñusta Cárdenas Huamaní');
    expect(sheet).toContain(`/v/${code}`);
    await page.screenshot({ path: 'test-results/certificate-360.png', fullPage: true });
    // The PDF file, made on the phone while offline (headless Chromium's share sheet takes no files: it is downloaded).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar la constancia (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`constancia-${code}.pdf`);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(file.toString('latin1')).toMatch(/\/MediaBox \[0 0 842 595\][\s\S]*\/Count 1|\/Count 1[\s\S]*\/MediaBox \[0 0 842 595\]/);
    // On paper: one A4 landscape page (297 × 210 mm), the constancia alone.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, path: 'test-results/certificate.pdf' });
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi, to look at
    await page.screenshot({ path: 'test-results/certificate-print.png' });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.emulateMedia({ media: 'screen' });
    const pages = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(pages).toEqual([[842, 595]]);
    await facilitadora.expectServerSawNothingWhileOffline();

    await facilitadora.goOnline();
    const session = await apiLogIn(rig.server, account);
    await expect.poll(async () => {
      const changes: Map<string, Change> = latestByRecord((await pullAll(rig.server, session, 'user')).changes);
      return [...changes.values()].filter((c) => c.table === 'certificates' && (c.row as { code?: string }).code === code).length;
    }, { timeout: 60_000, interval: 2_000 }).toBe(1);

    const verifier = stranger.page;
    await verifier.setViewportSize({ width: 360, height: 640 });
    await stranger.goto(`/v/${code}`);
    await verifier.getByText('Constancia válida').waitFor({ timeout: 30_000 });
    const facts = await verifier.locator('main dl').textContent();
    for (const part of ['Ñusta Cárdenas Huamaní', 'Taller e2e: constancias', '4 horas', 'Ayacucho', code]) expect(facts).toContain(part);
    expect(await verifier.getByRole('navigation').count()).toBe(0);
    await verifier.screenshot({ path: 'test-results/verify-360.png', fullPage: true });
  });
});
