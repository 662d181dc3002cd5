/**
 * Photo figures (issue 15, #13), on the built app in Chromium at 360×640:
 *   - reducing a 12-megapixel camera photo on the phone (decode, resize to 1,600 px, encode,
 *     thumbnail, hash), as the app times it (`tinkuy:photo-reduce`), at CPU ×4;
 *   - 50 ticks and 10 photos queued offline, then online on Slow 4G: how many pushes still went
 *     after the first photo upload had started (the text must all be on the server by then), and
 *     how long the 10 uploads (grainy photos the phone keeps near 300 KB, two on the wire at once)
 *     took against the time their bytes need at 675 kbps up (+ 20 %).
 * The server's request journal gives the order (the service worker is blocked, so the page itself
 * sends, throttled).
 */
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { makeCameraPhoto, readStoredPhotos, type PhotoFile } from '../helpers/e2e-photos';
import { withRig } from '../helpers/e2e-rig';
import { planEvent, type EventForm } from '../helpers/e2e-steps';
import { median, percentile, type BenchRow } from './bench-row';
import { emulateNetwork, SLOW_4G } from './networks';

const CPU_SLOWDOWN = 4;
const RESIZES = 5;
const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM = /^Confirme con la Dirección Desconcentrada/;
const feria: EventForm = { title: 'Feria de medición', type: t('events.type.danza'), date: '2099-03-10', starts: '09:00', ends: '18:00', region: 'Ayacucho', province: 'Huamanga', audience: 300, music: null, heritage: true };

/** Opens the item's details and chooses `files`; waits until the app says they were saved. */
async function choosePhotos(page: Page, files: PhotoFile[]): Promise<void> {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: ITEM }) });
  const details = row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) });
  if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
  await row.getByLabel(t('photos.add')).setInputFiles(files);
  await row.getByText(files.length === 1 ? t('photos.added.one') : t('photos.added.many', { count: files.length })).waitFor({ timeout: 300_000 });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Reducing a 12 MP photo on the phone, CPU ×4. */
export async function measurePhotoResize(): Promise<BenchRow[]> {
  return withRig(async (rig) => {
    const photo = await makeCameraPhoto(rig.browser, 'plaza.jpg', 'scene', { width: 4000, height: 3000 }, { dateTimeOriginal: '2026:11:28 15:42:07', gps: true });
    return rig.phone({ templates: true }, async ({ page, context }) => {
      await planEvent(page, feria, TEMPLATE);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      for (let i = 0; i < RESIZES; i += 1) await choosePhotos(page, [{ ...photo, name: `plaza-${i}.jpg` }]);
      const times = await page.evaluate(() => performance.getEntriesByName('tinkuy:photo-reduce').map((e) => e.duration));
      const sizes = (await readStoredPhotos(page)).map((p) => Math.round(p.bytes / 1024));
      return [{
        area: 'photos', what: `reduce a 12 MP photo on the phone (decode, 1,600 px JPEG, thumbnail, SHA-256), median, CPU ×${CPU_SLOWDOWN}`,
        value: round(median(times)), unit: 'ms', budget: 1500,
        detail: `${times.length} photos of ${Math.round(photo.buffer.length / 1024)} KiB (4000×3000), p95 ${round(percentile(times, 95))} ms; kept ${sizes.join('/')} KiB`,
      }];
    });
  });
}

/** 50 ticks and 10 photos queued offline, then online on Slow 4G. */
export async function measurePhotosAfterText(): Promise<BenchRow[]> {
  return withRig(async (rig) => {
    const gestor = rig.addAccount('gestor');
    const photos: PhotoFile[] = [];
    for (let i = 0; i < 10; i += 1) photos.push(await makeCameraPhoto(rig.browser, `foto-${i}.jpg`, 'grainy', { width: 2400 + i * 40, height: 1800 }, { gps: true }));
    // The page sends (its throttling applies to it, not to a service worker: PITFALLS 15).
    return rig.phone({ login: gestor, templates: true, context: { serviceWorkers: 'block' } }, async (phone) => {
      const { page, context } = phone;
      await planEvent(page, feria, TEMPLATE);
      await page.waitForTimeout(3000); // the event and run reach the server before the offline part
      await phone.goOffline();
      await choosePhotos(page, photos);
      const box = page.getByRole('checkbox', { name: ITEM });
      for (let i = 0; i < 50; i += 1) {
        // One tap, one mutation; the box shows the saved state before the next tap.
        await box.click();
        await page.waitForFunction((want) => (document.querySelector('#item-sp-condicion') as HTMLInputElement | null)?.checked === want, i % 2 === 0);
      }
      const stored = await readStoredPhotos(page);
      const bytes = stored.reduce((sum, p) => sum + p.bytes, 0);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await emulateNetwork(cdp, SLOW_4G, 1);
      const online = Date.now();
      await phone.goOnline();
      await page.getByText(t('photos.state.sent')).nth(9).waitFor({ timeout: 600_000 });
      const allSent = Date.now();
      // The server's journal: when each request arrived (its clock is this machine's).
      const requests = (await phone.requestsSince(online)).map((r) => ({ name: r.url.replace(/\?.*/, ''), method: r.method, time: r.time }));
      const puts = requests.filter((r) => r.method === 'PUT' && r.name.startsWith('/api/media/'));
      if (puts.length !== 10) throw new Error(`Se esperaban 10 envíos de fotos; hubo ${puts.length}: ${requests.map((r) => r.name).join(', ')}`);
      const pushes = requests.filter((r) => r.name === '/api/sync/push');
      const firstPut = Math.min(...puts.map((r) => r.time));
      const lastTextArrived = Math.max(...pushes.filter((r) => r.time < firstPut).map((r) => r.time));
      const bytesMs = (bytes * 8) / (SLOW_4G.upKbps * 1024) * 1000;
      // From the first photo's arrival to all ten shown as sent (one latency short at the start).
      const uploadMs = allSent - firstPut;
      return [
        {
          area: 'photos', what: 'pushes of text still sent after the first of 10 queued photos began uploading (50 ticks queued offline after them)',
          value: pushes.filter((r) => r.time >= firstPut).length, unit: 'count', budget: 0,
          detail: `${pushes.length} push(es) in all; the last before the photos arrived ${round(firstPut - lastTextArrived)} ms before the first photo`,
        },
        {
          area: 'photos', what: 'upload 10 photos on Slow 4G (675 kbps up, 562 ms latency), % of the time their bytes need',
          value: Math.round((uploadMs / bytesMs) * 100), unit: '%', budget: 120,
          detail: `${puts.length} PUTs (at most 2 at once), ${Math.round(bytes / 1024)} KiB (${stored.map((p) => Math.round(p.bytes / 1024)).join('/')} KiB each) in ${round(uploadMs / 1000)} s; bytes alone ${round(bytesMs / 1000)} s`,
        },
      ];
    });
  });
}
