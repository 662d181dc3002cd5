/**
 * Attendance figures (issue 6), measured on the built app in Chromium at CPU ×4, 360×640,
 * offline, with 500 people already on the roster:
 *   - registering a participant: from the save handler to record + outbox committed in one
 *     transaction, as the app times it (`tinkuy:attendance-save` User Timing);
 *   - the duplicate check the form runs at each keystroke over the 500 records
 *     (`tinkuy:attendance-duplicate-check`).
 * The person is typed, the consent ticked and «Guardar asistencia» pressed, as at a venue.
 */
import type { Page } from 'playwright-core';
import { putRows, waitForFirstRow } from '../helpers/e2e-idb';
import { withRig } from '../helpers/e2e-rig';
import { median, percentile, type BenchRow } from './bench-row';

const CPU_SLOWDOWN = 4;
const ALREADY_REGISTERED = 500;
const SAVES = 40;

/** `count` attendance rows as earlier saves on this phone left them. */
function makeRoster(workshopId: string, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, workshopId,
    person: { fullName: `Participante Ñahui ${i}`, documentType: 'dni', documentNumber: String(40_000_000 + i), entityType: 'municipalidad-distrital', entityName: `Municipalidad Distrital ${i % 80}`, governmentLevel: 'distrital', regionCode: '05' },
    consent: { given: true, textVersion: 'bench' }, recordedBy: null, recordedAt: new Date(Date.now() - (count - i) * 1000).toISOString(), mergedIds: [], updatedAt: '',
  }));
}

async function registerOne(page: Page, i: number): Promise<void> {
  await page.getByLabel('Nombre completo').fill(`Persona Nueva Quispe ${i}`);
  await page.getByLabel('Tipo de entidad').selectOption('municipalidad-provincial');
  await page.getByLabel('Nombre de la entidad').fill(`Municipalidad Provincial de Huamanga ${i}`);
  await page.getByLabel('Región').selectOption('05');
  await page.getByLabel(/da su consentimiento/).check();
  await page.getByRole('button', { name: 'Guardar asistencia' }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('tinkuy:attendance-save').length >= n, i + 1);
}

/** Both rows: save p95 and duplicate-check p95, with 500 already registered. */
export async function measureAttendance(): Promise<BenchRow[]> {
  return withRig((rig) => rig.phone({}, async (phone) => {
    const { page, context } = phone;
    // The seeded programme arrives with the catalogue pull; one of its workshops will do.
    const workshop = await waitForFirstRow<{ id: string }>(page, 'tinkuy-catalogue', 'workshops');
    await putRows(page, 'tinkuy-user', 'attendance', makeRoster(workshop.id, ALREADY_REGISTERED));
    await phone.goOffline();
    await phone.goto(`/talleres/${workshop.id}/asistencia`);
    await page.getByRole('heading', { name: `Asistentes: ${ALREADY_REGISTERED}` }).waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.evaluate(() => performance.clearMeasures());
    for (let i = 0; i < SAVES; i += 1) await registerOne(page, i);
    const saves = await page.evaluate(() => performance.getEntriesByName('tinkuy:attendance-save').map((e) => e.duration));
    const checks = await page.evaluate(() => performance.getEntriesByName('tinkuy:attendance-duplicate-check').map((e) => e.duration));
    const round = (ms: number) => Math.round(ms * 100) / 100;
    if (process.env['TINKUY_BENCH_RAW']) console.log('RAW saves', saves.map(round).join(' '));
    const rows: BenchRow[] = [
      { area: 'workshops', what: `register a participant with ${ALREADY_REGISTERED} registered (record + outbox committed), p95, CPU ×${CPU_SLOWDOWN}`, value: round(percentile(saves, 95)), unit: 'ms', budget: 50, detail: `${saves.length} saves, median ${round(median(saves))} ms` },
      { area: 'workshops', what: `duplicate check as you type over ${ALREADY_REGISTERED} records, p95, CPU ×${CPU_SLOWDOWN}`, value: round(percentile(checks, 95)), unit: 'ms', budget: 10, detail: `${checks.length} checks, median ${round(median(checks))} ms` },
    ];
    return rows;
  }));
}
