/**
 * Panorama de la RED (#11): a coordinador's national view opens offline after one visit, with
 * the date of its figures; a gestor and a facilitador are refused by the server (403), through
 * the API and in the app.
 */
import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import '../../src/shared/i18n/es-pe/national';
import '../../src/shared/i18n/es-pe/more';
import { REFUSALS } from '../../src/shared/errors';
import { COORDINADOR, apiLogIn } from '../helpers/e2e-accounts';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E } from '../helpers/e2e-rig';
import { openMore } from '../helpers/e2e-steps';

const AS_OF = /^Datos al /;

describeE2E('the national view (Panorama de la RED)', (rig) => {
  it("a coordinador's national view opens offline after one visit, with the date of its figures", async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { page } = phone;
      await openMore(page, t('more.national'));
      await page.getByText(AS_OF).waitFor({ timeout: 30_000 });
      const table = page.getByRole('table', { name: new RegExp(t('national.table.caption', { year: String(new Date().getFullYear()) })) });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(1 + 26 + 1);
      // The same year month by month, in place of the region table.
      await page.getByRole('radio', { name: t('national.view.month') }).check();
      const months = page.getByRole('table', { name: new RegExp(t('national.monthTable.caption', { year: String(new Date().getFullYear()) })) });
      expect(await months.getByRole('row').count()).toBe(1 + 12 + 1);
      await months.getByRole('rowheader', { name: 'Enero' }).waitFor();
      await page.screenshot({ path: 'test-results/national-months-360.png' });
      await page.getByRole('radio', { name: t('national.view.region') }).check();
      await table.waitFor();
      // A tap on a region's tile opens its figures.
      await page.getByRole('button', { name: /^Ayacucho:/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Ayacucho' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'panorama', { mainOnly: true });
      const asOf = await page.getByText(AS_OF).textContent();

      await phone.goOffline();
      await page.reload();
      await page.getByText(t('national.savedOffline')).waitFor({ timeout: 30_000 });
      expect(await page.getByText(AS_OF).textContent()).toBe(asOf);
      expect(await page.getByRole('table').getByRole('row').count()).toBe(28);
      await page.getByRole('button', { name: /^Lima Metropolitana:/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Lima Metropolitana' }).waitFor();
      await phone.expectServerSawNothingWhileOffline();
    });
  });

  it('a gestor and a facilitador get 403 from the report, and the app says why', async () => {
    const gestor = rig.addAccount('gestor');
    for (const account of [gestor, rig.addAccount('facilitador')]) {
      const session = await apiLogIn(rig.server, account);
      const res = await fetch(`${rig.server.url}/api/reports/national?year=2026`, { headers: { authorization: `Bearer ${session.accessToken}` } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(REFUSALS.reportCoordinatorOnly);
    }
    await rig.phone({ login: gestor }, async (phone) => {
      await phone.page.getByRole('navigation').waitFor();
      await phone.goto('/mas/panorama');
      await phone.page.getByText(REFUSALS.reportCoordinatorOnly, { exact: false }).waitFor({ timeout: 30_000 });
      expect(await phone.page.getByText(AS_OF).count()).toBe(0);
    });
  });
});
