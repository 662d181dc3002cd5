/**
 * Administración (#11), the rest of it as a coordinador uses it: who synced when, «Cerrar» on
 * another person's device, the erasure of a person's data (search, what would go, erase, log),
 * and the export log across workshops.
 */
import { expect, it } from 'vitest';
import { formatHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import { t, tn } from '../../src/shared/i18n';
import '../../src/shared/i18n/es-pe/admin';
import '../../src/shared/i18n/es-pe/more';
import { COORDINADOR, apiLogIn } from '../helpers/e2e-accounts';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E } from '../helpers/e2e-rig';
import { openMore } from '../helpers/e2e-steps';
import { makePerson, makeRegistration, makeWorkshopArgs } from '../server/workshops/workshop-fixtures';

const SHOTS = process.env.TINKUY_ADMIN_SHOTS;

describeE2E('Administración: devices, erasure and exports', (rig) => {
  it("the coordinación sees a device's last push, closes its session, erases a person's data after seeing what goes, and reads the export log", async () => {
    const rosa = rig.addAccount('facilitador', { name: 'Rosa Huamán' });
    const session = await apiLogIn(rig.server, rosa, 'Teléfono de Rosa');
    const workshop = makeWorkshopArgs(Date.now(), { title: 'Taller de Rosa en Huamanga' });
    const teodoro = makePerson({ fullName: 'Teodoro Pari Yauri', documentType: 'dni', documentNumber: '41234567' });
    const clientId = uuidv7();
    const mutations = [
      ['workshop.save', workshop],
      ['attendance.register', makeRegistration(workshop.id, teodoro)],
      ['attendance.export', { workshopId: workshop.id, rows: 1, format: 'csv', at: new Date().toISOString() }],
    ].map(([name, args], i) => ({ seq: i + 1, name, v: 1, args, hlc: formatHlc({ wallMs: Date.now(), counter: i, clientId }) }));
    const pushed = await fetch(`${rig.server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ clientId, mutations }),
    });
    expect(await pushed.json()).toMatchObject({ rejected: [] });

    await rig.phone({ login: COORDINADOR }, async ({ page }) => {
      await openMore(page, t('more.admin'));
      await page.getByRole('link', { name: new RegExp(`^${t('admin.activity')}`) }).click();
      const rosaCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Rosa Huamán' }) });
      await rosaCard.getByText('Teléfono de Rosa').waitFor({ timeout: 20_000 });
      expect(await rosaCard.getByText(t('admin.device.push', { when: t('admin.device.never') })).count()).toBe(0);
      await rosaCard.getByText(t('admin.device.pull', { when: t('admin.device.never') })).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity.png`, fullPage: true });

      await page.getByRole('link', { name: t('admin.title') }).click();
      await page.getByRole('link', { name: new RegExp(`^${t('admin.accounts')}`) }).click();
      const close = page.getByRole('button', { name: t('admin.device.close', { device: 'Teléfono de Rosa' }) });
      await close.click();
      await page.getByText(t('admin.device.closed', { device: 'Teléfono de Rosa' })).waitFor({ timeout: 20_000 });
      expect(await close.count()).toBe(0);
      expect((await fetch(`${rig.server.url}/api/auth/sessions`, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).toBe(401);

      await page.getByRole('link', { name: t('admin.title') }).click();
      await page.getByRole('link', { name: new RegExp(`^${t('admin.erasure')}`) }).click();
      await page.getByText(t('admin.erasure.log.empty')).waitFor({ timeout: 20_000 });
      await page.getByLabel(t('admin.erasure.documentNumber')).fill('4123 4567');
      await page.getByRole('button', { name: t('admin.erasure.search') }).click();
      await page.getByRole('heading', { name: tn('admin.erasure.found', 1) }).waitFor({ timeout: 20_000 });
      await page.getByText(/Teodoro Pari Yauri — .*Taller de Rosa en Huamanga/).waitFor();
      await expectNoSeriousAxeViolations(page, 'administración: supresión', { mainOnly: true });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/erasure-found.png`, fullPage: true });
      await page.getByRole('button', { name: t('admin.erasure.confirm') }).click();
      await page.getByRole('button', { name: t('admin.confirm.yes') }).click();
      await page.getByText(tn('admin.erasure.done', 1)).waitFor({ timeout: 20_000 });
      await page.getByRole('listitem').filter({ hasText: /Coordinación suprimió 1 registro \(por documento\)/ }).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/erasure-done.png`, fullPage: true });

      await page.getByRole('link', { name: t('admin.title') }).click();
      await page.getByRole('link', { name: new RegExp(`^${t('admin.exports')}`) }).click();
      await page.getByRole('heading', { name: `Taller de Rosa en Huamanga (${workshop.code})` }).waitFor({ timeout: 20_000 });
      await page.getByText(tn('admin.exports.row', 1, { who: `Rosa Huamán (${rosa.email})`, format: 'CSV' })).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/exports.png`, fullPage: true });
    });
  });
});
