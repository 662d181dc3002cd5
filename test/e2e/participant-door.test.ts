/**
 * A participant's own door (`/t/<CÓDIGO>`, issue 12), on a phone that has never opened Tinkuy:
 * the server writes the workshop into the door's page, so a first visit asks for neither it nor
 * the catalogue (#12); a page without it (the worker's index.html) asks for its one workshop and,
 * while the answer is on its way, says it is loading and never blames the code; only the
 * server's answer says a code does not exist. The door is a frame of its own (no staff
 * navigation, no sync pill), the check-in starts from the workshop's region, and the phone opens
 * it again offline.
 */
import { expect, it } from 'vitest';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { latestByRecord } from '../helpers/e2e-server-view';
import { pullAll } from '../helpers/pull';
import type { RunningServer } from '../helpers/e2e-server';
import { waitForServiceWorkerControl } from '../helpers/e2e-browser';

/** A workshop of the seeded RED programme in Cusco (place 080101): its code and title. */
async function findCuscoWorkshop(server: RunningServer): Promise<{ code: string; title: string }> {
  const changes = latestByRecord((await pullAll(server, undefined, 'catalogue')).changes);
  const row = [...changes.values()].map((c) => c.row as { code?: string; title?: string; placeCode?: string } | undefined)
    .find((r) => r?.placeCode === '080101' && r.code);
  if (!row?.code || !row.title) throw new Error('sin taller sembrado en Cusco');
  return { code: row.code, title: row.title };
}

/**
 * Taps «Registrar mi asistencia», checks the form opened on the workshop's region (Cusco, 08), and
 * returns the workshop look-ups the phone made since `since`; it never asks for the catalogue.
 */
async function checkInAndListAsks(phone: Phone, since: number): Promise<{ workshopAsks: string[] }> {
  await phone.page.getByRole('link', { name: 'Registrar mi asistencia' }).click();
  expect(await phone.page.getByLabel('Región').inputValue()).toBe('08');
  const asked = (await phone.requestsSince(since)).map((r) => r.url);
  expect(asked.filter((u) => u.includes('scope=catalogue'))).toEqual([]);
  return { workshopAsks: asked.filter((u) => u.startsWith('/api/workshops/by-code/')) };
}

describeE2E('the participant\'s own door', (rig) => {
  /** A new phone on the seeded Cusco workshop's day (14 January 2027, so its window is open), with that workshop. */
  async function openOnWorkshopDay(name: string, act: (phone: Phone, workshop: { code: string; title: string }) => Promise<void>): Promise<void> {
    const workshop = await findCuscoWorkshop(rig.server);
    await rig.phone({ open: false, name }, async (phone) => {
      await phone.context.clock.setFixedTime(new Date('2027-01-14T15:00:00.000Z'));
      await act(phone, workshop);
    });
  }

  it('a first visit finds its workshop in the page: no request for it, none for the catalogue; no staff navigation and the region already chosen', async () => {
    await openOnWorkshopDay('teléfono nuevo del participante', async (phone, workshop) => {
      const { page } = phone;
      const since = Date.now();
      await phone.goto(`/t/${workshop.code.toLowerCase()}`);
      await page.getByRole('heading', { level: 1, name: workshop.title }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /Envío/ }).count()).toBe(0);
      expect(await page.getByText(/^(En línea|Sin conexión)$/).count()).toBe(1);
      // The offer is the app's own link: tapping it opens the form in the same document, no page load.
      await page.evaluate(() => void ((window as unknown as { __door?: boolean }).__door = true));
      const { workshopAsks } = await checkInAndListAsks(phone, since);
      expect(await page.getByLabel(/^Leí el aviso de privacidad y acepto/).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __door?: boolean }).__door)).toBe(true);
      // The server wrote the workshop into the door's page (#12): the app asked for neither it nor the catalogue.
      expect(workshopAsks).toEqual([]);
    });
  }, 120_000);

  it('a page without the workshop in it (the worker\'s index.html) and a slow answer says «Cargando el taller…», then shows the workshop', async () => {
    await openOnWorkshopDay('teléfono con la página sin el taller', async (phone, workshop) => {
      const { page, context } = phone;
      // The door is answered with plain index.html, as the service worker's precache answers a repeat visit.
      await page.route(`**/t/${workshop.code}`, async (route) => route.fulfill({ response: await route.fetch({ url: phone.href('/') }) }));
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The workshop's answer is held back, as on a weak signal: the page must say it is loading meanwhile.
      const since = Date.now();
      await context.route('**/api/workshops/by-code/**', async (route) => {
        await held;
        await route.continue();
      });
      await phone.goto(`/t/${workshop.code}`);
      await page.getByRole('heading', { level: 1, name: 'Cargando el taller…' }).waitFor({ timeout: 30_000 });
      expect(await page.getByText(/bien escrito|No hay ningún taller/).count()).toBe(0);
      release();
      await page.getByRole('heading', { level: 1, name: workshop.title }).waitFor({ timeout: 30_000 });
      await context.unroute('**/api/workshops/by-code/**');
      const { workshopAsks } = await checkInAndListAsks(phone, since);
      expect(workshopAsks).toEqual([`/api/workshops/by-code/${workshop.code}`]);
    });
  }, 120_000);

  it('a participant who opened the door once opens it again with no connection at all', async () => {
    await openOnWorkshopDay('teléfono del participante que vuelve', async (phone, workshop) => {
      const { page } = phone;
      await phone.goto(`/t/${workshop.code}`);
      await page.getByRole('link', { name: 'Registrar mi asistencia' }).waitFor({ timeout: 30_000 });
      // The worker registers once the door is drawn, and keeps the app for the way back.
      await waitForServiceWorkerControl(page, 60_000);
      await phone.goOffline();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: workshop.title }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Registrar mi asistencia' }).click();
      expect(await page.getByLabel('Región').inputValue()).toBe('08');
      await phone.expectServerSawNothingWhileOffline();
    });
  }, 180_000);

  it('a code the server does not have: once the server answered, it says so', async () => {
    await rig.phone({ open: false, name: 'teléfono con un código mal copiado' }, async (phone) => {
      await phone.goto('/t/ZZZZZ9');
      await phone.page.getByText('No hay ningún taller con el código ZZZZZ9', { exact: false }).waitFor({ timeout: 30_000 });
      expect(await phone.page.getByRole('heading', { level: 1, name: 'Taller ZZZZZ9' }).count()).toBe(1);
    });
  }, 120_000);
});
