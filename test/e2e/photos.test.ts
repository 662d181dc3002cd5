/**
 * Issue 15 (#13), «Done when»: offline, a gestor attaches three photos to two items of a checklist
 * and ticks two; reloads; comes online. The ticks reach the server first, then the photos, once
 * each; the images the phone kept are reduced and carry no metadata; a second phone of the same
 * gestor shows the thumbnails; another gestor cannot read them; the print view shows them.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { hasMetadataBlock } from '../../src/shared/photos/jpeg-segments';
import { apiLogIn, type Account } from '../helpers/e2e-accounts';
import { makeCameraPhoto, readStoredPhotos, type PhotoFile } from '../helpers/e2e-photos';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { planEvent, type EventForm } from '../helpers/e2e-steps';

const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';
const ITEM_A = /^Confirme con la Dirección Desconcentrada/;
const ITEM_B = /^Presente a la DDC la solicitud/;
const SHOTS = process.env['TINKUY_SHOTS_DIR'];

const feria = (title: string): EventForm => ({
  title, type: t('events.type.danza'), date: '2099-03-10', starts: '09:00', ends: '18:00', region: 'Ayacucho', province: 'Huamanga', audience: 300, music: null, heritage: true,
});

const itemRow = (page: Page, name: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name }) });

/** Opens the item's details, writes the caption and chooses the files, as a person does. */
async function addPhotos(page: Page, item: RegExp, caption: string, files: PhotoFile[]): Promise<void> {
  const row = itemRow(page, item);
  await row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) }).click();
  await row.getByLabel(t('photos.caption')).fill(caption);
  await row.getByLabel(t('photos.add')).setInputFiles(files);
  await row.getByText(files.length === 1 ? t('photos.added.one') : t('photos.added.many', { count: files.length })).waitFor({ timeout: 60_000 });
  await row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) }).click();
}

/** Opens the run's address once this phone's pull brought it. */
async function openRun(phone: Phone, path: string): Promise<void> {
  await expect.poll(async () => {
    await phone.goto(path);
    return phone.page.getByRole('heading', { level: 1, name: TEMPLATE }).isVisible({ timeout: 2000 }).catch(() => false);
  }, { timeout: 60_000 }).toBe(true);
}

/** For a person to look at (TINKUY_SHOTS_DIR): the item with its photos at 360×640, and the kept acta, readable. */
async function takeShots(page: Page): Promise<void> {
  const row = itemRow(page, ITEM_B);
  await row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) }).click();
  await row.getByRole('img').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/photos-item-details.png` });
  await row.getByRole('button', { name: new RegExp(`^${t('checklists.details')}`) }).click();
  await itemRow(page, ITEM_A).getByRole('img').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/photos-item.png` });
  // The acta as kept on the phone (1,600 px), shown at the phone's width and at full size.
  const src = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('tinkuy-user'); r.onsuccess = () => resolve(r.result); });
    const rows = await new Promise<{ caption?: string; blob: Blob }[]>((resolve) => { const r = db.transaction('photos').objectStore('photos').getAll(); r.onsuccess = () => resolve(r.result); });
    db.close();
    const blob = rows.find((row) => row.caption === 'Acta de inspección')!.blob;
    return new Promise<string>((resolve) => { const reader = new FileReader(); reader.onload = () => resolve(String(reader.result)); reader.readAsDataURL(blob); });
  });
  // A blank page (no app, no CSP): the image alone, as wide as the phone, then at its own size.
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 360, height: 640 });
  await view.setContent(`<body style="margin:0"><img src="${src}" width="360"><br><img src="${src}"></body>`);
  await view.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  await view.screenshot({ path: `${SHOTS}/photos-acta-fit.png` });
  await view.evaluate(() => window.scrollTo(0, 300));
  await view.screenshot({ path: `${SHOTS}/photos-acta-full.png` });
  await view.close();
}

describeE2E('photos as evidence on checklist items', (rig) => {
  let gestor: Account;
  let photos: PhotoFile[];

  beforeAll(async () => {
    gestor = rig.addAccount('gestor', { name: 'Rosa Mamani' });
    const exif = { dateTimeOriginal: '2026:11:28 15:42:07', offsetTimeOriginal: '-05:00', gps: true };
    photos = [
      await makeCameraPhoto(rig.browser, 'acta.jpg', 'document', { width: 4000, height: 3000 }, exif),
      await makeCameraPhoto(rig.browser, 'extintores.jpg', 'scene', { width: 3000, height: 4000 }, { dateTimeOriginal: '2026:11:28 16:00:00', gps: true }),
      // Held upright, stored turned: the camera wrote 4000×3000 and EXIF orientation 6 (90° clockwise).
      await makeCameraPhoto(rig.browser, 'ruta.jpg', 'scene', { width: 4000, height: 3000 }, { gps: true, orientation: 6 }),
    ];
  });

  it('offline: three photos on two items and two ticks, a reload, online: ticks first, then each photo once; second phone sees them, another gestor cannot; print shows them', async () => {
    await rig.phone({ login: gestor, templates: true, name: 'teléfono de Rosa' }, async (phone) => {
      const { page } = phone;
      const path = await planEvent(page, feria('Feria artesanal de Quinua'), TEMPLATE);
      const [, , eventId, , runId] = path.split('/');
      await expect.poll(async () => (await readServerData(rig.server, gestor)).some((c) => c.table === 'checklistRuns' && c.id === runId), { timeout: 60_000 }).toBe(true);

      await phone.goOffline();
      await addPhotos(page, ITEM_A, 'Acta de inspección', [photos[0]!]);
      await addPhotos(page, ITEM_B, 'Extintores y ruta', [photos[1]!, photos[2]!]);
      await page.getByRole('checkbox', { name: ITEM_A }).check();
      await page.getByRole('checkbox', { name: ITEM_B }).check();

      // What the phone kept: reduced, within budget, no metadata block left, the camera's time kept.
      const stored = await readStoredPhotos(page);
      expect(stored).toHaveLength(3);
      for (const photo of stored) {
        expect(Math.max(photo.decoded!.width, photo.decoded!.height)).toBeLessThanOrEqual(1600);
        expect(photo.decoded).toEqual({ width: photo.width, height: photo.height });
        expect(photo.blobSize).toBe(photo.bytes);
        expect(photo.bytes).toBeLessThanOrEqual(1024 * 1024);
        expect(hasMetadataBlock(Uint8Array.from(photo.head))).toBe(false);
        expect(photo.hasThumb).toBe(true);
      }
      const acta = stored.find((p) => p.caption === 'Acta de inspección')!;
      expect(acta).toMatchObject({ width: 1600, height: 1200, takenAt: '2026-11-28T20:42:07.000Z' });
      expect(acta.bytes).toBeLessThanOrEqual(300 * 1024);
      // The turned one is kept upright (1200×1600), its orientation applied before the tag went.
      expect(stored.filter((p) => p.width === 1200 && p.height === 1600)).toHaveLength(2);
      if (SHOTS) writeFileSync(`${SHOTS}/photos-sizes.json`, JSON.stringify(stored.map(({ head: _, ...p }) => p), null, 2));

      await page.reload();
      await page.getByRole('heading', { level: 1, name: TEMPLATE }).waitFor();
      await expect.poll(() => page.getByRole('img', { name: /^Foto: / }).count()).toBe(3);
      await expect.poll(() => page.getByText(t('photos.state.waiting')).count()).toBe(3);
      if (SHOTS) await takeShots(page);
      await phone.expectServerSawNothingWhileOffline();

      const back = Date.now();
      await phone.goOnline();
      await expect.poll(() => page.getByText(t('photos.state.sent')).count(), { timeout: 90_000 }).toBe(3);
      const requests = (await phone.requestsSince(back)).map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`);
      const puts = requests.filter((r) => r.startsWith('PUT /api/media/'));
      expect(new Set(puts).size).toBe(3);
      expect(puts).toHaveLength(3); // once each
      const firstPut = requests.findIndex((r) => r.startsWith('PUT'));
      expect(requests.slice(0, firstPut)).toContain('POST /api/sync/push');
      expect(requests.slice(firstPut).filter((r) => r === 'POST /api/sync/push')).toEqual([]);
      const server = await readServerData(rig.server, gestor);
      const done = server.filter((c) => c.table === 'checklistItems' && c.id.startsWith(`${runId}:`) && (c.row?.['state'] as { done?: boolean })?.done);
      expect(done).toHaveLength(2);
      expect(server.filter((c) => c.table === 'checklistPhotos' && !c.deleted)).toHaveLength(3);
      // Once on the server, only the thumbnails stay on the phone.
      await expect.poll(async () => (await readStoredPhotos(page)).map((p) => [p.hasBlob, p.hasThumb])).toEqual([[false, true], [false, true], [false, true]]);

      // Another gestor cannot read them, whatever the hash.
      const other = await apiLogIn(rig.server, rig.addAccount('gestor', { name: 'Otro Gestor' }));
      const read = await fetch(`${rig.server.url}/api/media/${acta.sha256}`, { headers: { authorization: `Bearer ${other.accessToken}` } });
      expect([403, 404]).toContain(read.status);

      // The print view shows the thumbnails.
      await phone.goto(`/eventos/${eventId}/imprimir`);
      await expect.poll(() => page.getByRole('img', { name: /^Foto: / }).count()).toBe(3);

      // A second phone of the same gestor downloads them.
      await rig.phone({ login: gestor, templates: true, name: 'segundo teléfono de Rosa' }, async (second) => {
        await openRun(second, path);
        await expect.poll(() => second.page.getByRole('img', { name: /^Foto: / }).count(), { timeout: 60_000 }).toBe(3);
        const images = await second.page.getByRole('img', { name: 'Foto: Acta de inspección' }).evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth]);
        expect(images[1]).toBeGreaterThan(0);
      });
    });
  });
});
