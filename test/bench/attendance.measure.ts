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
import { launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { startServer } from '../helpers/e2e-server';
import { median, percentile, type BenchRow } from './bench-row';

const CPU_SLOWDOWN = 4;
const ALREADY_REGISTERED = 500;
const SAVES = 40;

/** Waits for the catalogue pull to bring the seeded programme; returns one workshop id. */
async function waitForWorkshop(page: Page): Promise<string> {
  const handle = await page.waitForFunction(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tinkuy-catalogue');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('workshops')) return db.close(), null;
    const first = await new Promise<{ id: string } | undefined>((resolve) => {
      const request = db.transaction('workshops').objectStore('workshops').openCursor();
      request.onsuccess = () => resolve(request.result?.value as { id: string } | undefined);
      request.onerror = () => resolve(undefined);
    });
    db.close();
    return first?.id ?? null;
  }, undefined, { timeout: 30_000, polling: 500 });
  return (await handle.jsonValue()) as string;
}

/** Writes `count` attendance rows straight into the device's table (as earlier saves left them). */
async function seedRoster(page: Page, workshopId: string, count: number): Promise<void> {
  await page.evaluate(async ({ workshopId, count }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tinkuy-user');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('attendance', 'readwrite');
      const store = tx.objectStore('attendance');
      for (let i = 0; i < count; i += 1) {
        store.put({
          id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, workshopId,
          person: { fullName: `Participante Ñahui ${i}`, documentType: 'dni', documentNumber: String(40_000_000 + i), entityType: 'municipalidad-distrital', entityName: `Municipalidad Distrital ${i % 80}`, governmentLevel: 'distrital', regionCode: '05' },
          consent: { given: true, textVersion: 'bench' }, recordedBy: null, recordedAt: new Date(Date.now() - (count - i) * 1000).toISOString(), mergedIds: [], updatedAt: '',
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { workshopId, count });
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
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    const workshopId = await waitForWorkshop(page);
    await seedRoster(page, workshopId, ALREADY_REGISTERED);
    await context.setOffline(true);
    await page.goto(`${server.url}/talleres/${workshopId}/asistencia`);
    await page.getByRole('heading', { name: `Asistentes: ${ALREADY_REGISTERED}` }).waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.evaluate(() => performance.clearMeasures());
    for (let i = 0; i < SAVES; i += 1) await registerOne(page, i);
    const saves = await page.evaluate(() => performance.getEntriesByName('tinkuy:attendance-save').map((e) => e.duration));
    const checks = await page.evaluate(() => performance.getEntriesByName('tinkuy:attendance-duplicate-check').map((e) => e.duration));
    const round = (ms: number) => Math.round(ms * 100) / 100;
    if (process.env['TINKUY_BENCH_RAW']) console.log('RAW saves', saves.map(round).join(' '));
    return [
      { area: 'workshops', what: `register a participant with ${ALREADY_REGISTERED} registered (record + outbox committed), p95, CPU ×${CPU_SLOWDOWN}`, value: round(percentile(saves, 95)), unit: 'ms', budget: 50, detail: `${saves.length} saves, median ${round(median(saves))} ms` },
      { area: 'workshops', what: `duplicate check as you type over ${ALREADY_REGISTERED} records, p95, CPU ×${CPU_SLOWDOWN}`, value: round(percentile(checks, 95)), unit: 'ms', budget: 10, detail: `${checks.length} checks, median ${round(median(checks))} ms` },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
