/**
 * Administración (#11): a coordinador adds an account in the app and sees its one-time password
 * once; the new account logs in with it and chooses its own; the coordinador disables it and its login is refused.
 * A gestor gets no way in (no row in Más, a refusal on the address, 403 from the API), and
 * offline the screens say they need a connection.
 */
import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import '../../src/shared/i18n/es-pe/admin';
import '../../src/shared/i18n/es-pe/more';
import '../../src/shared/i18n/es-pe/session';
import { ERROR_MESSAGES, REFUSALS } from '../../src/shared/errors';
import { COORDINADOR, apiLogIn } from '../helpers/e2e-accounts';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { describeE2E } from '../helpers/e2e-rig';
import { logInChoosingOwnPassword, openMore, openSection } from '../helpers/e2e-steps';

const SHOTS = process.env.TINKUY_ADMIN_SHOTS;

describeE2E('Administración in the app', (rig) => {
  it('a coordinador adds an account, the person logs in with the one-time password, the coordinador disables it and the login is refused', async () => {
    const coordinacion = await rig.openPhone({ login: COORDINADOR, name: 'coordinación' });
    const { page } = coordinacion;
    await openMore(page, t('more.admin'));
    await page.getByRole('link', { name: new RegExp(`^${t('admin.accounts')}`) }).click();
    await page.getByRole('heading', { level: 1, name: t('admin.accounts') }).waitFor();
    const email = `nueva-${Date.now()}@tinkuy.test`;
    await page.getByLabel(t('admin.add.email')).fill(email);
    await page.getByLabel(t('admin.add.name')).fill('Nélida Quispe');
    await page.getByRole('checkbox', { name: t('admin.role.gestor') }).check();
    await page.getByRole('button', { name: t('admin.add.submit') }).click();

    const shown = page.getByRole('region', { name: t('admin.password.title.new', { email }) });
    await shown.waitFor({ timeout: 20_000 });
    // The password block takes focus, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('admin.password.title.new', { email }));
    const password = (await shown.locator('code').textContent())!;
    expect(password).toMatch(/^[\w-]{16}$/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/accounts-password.png`, fullPage: true });
    await expectNoSeriousAxeViolations(page, 'administración: cuentas', { mainOnly: true });
    await shown.getByRole('button', { name: t('admin.password.done') }).click();
    expect(await page.getByText(password).count()).toBe(0);

    // The person logs in with it and, asked for a password of her own, chooses one.
    const own = 'clave-propia-de-nelida';
    await rig.phone({ name: 'la persona nueva' }, async ({ page: hers }) => {
      await logInChoosingOwnPassword(hers, { email, oneTime: password, own, name: 'Nélida Quispe' }, async () => {
        if (SHOTS) await hers.screenshot({ path: `${SHOTS}/own-password.png`, fullPage: true });
      });
    });

    const card = page.getByRole('listitem', { name: /Nélida Quispe/ });
    await page.reload();
    await card.getByText(t('admin.account.active'), { exact: true }).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: t('admin.account.disable') }).click();
    await card.getByRole('button', { name: t('admin.confirm.yes') }).click();
    await card.getByText(t('admin.account.disabledDone', { name: 'Nélida Quispe' })).waitFor({ timeout: 20_000 });
    await card.getByText(t('admin.account.disabled'), { exact: true }).waitFor();
    // The question is gone: focus is back on the card's actions, not lost on the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(t('admin.account.enable'));
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/account-disabled.png` });

    await rig.phone({ name: 'la persona, otra vez' }, async ({ page: again }) => {
      await openMore(again, t('more.account'));
      await again.getByLabel(t('session.email'), { exact: true }).fill(email);
      await again.getByLabel(t('session.password'), { exact: true }).fill(own);
      await again.getByRole('button', { name: t('session.submit') }).click();
      await again.getByText(ERROR_MESSAGES.invalid_credentials, { exact: false }).waitFor({ timeout: 20_000 });
    });
    expect((await fetch(`${rig.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: own }) })).status).toBe(401);
  });

  it('offline, Administración says it needs a connection', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      await openMore(phone.page, t('more.admin'));
      await phone.goOffline();
      await phone.page.getByRole('link', { name: new RegExp(`^${t('admin.activity')}`) }).click();
      await phone.page.getByText(t('admin.offline')).first().waitFor({ timeout: 20_000 });
      if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/offline.png`, fullPage: true });
      await phone.goOnline();
    });
  });

  it('a gestor gets no admin entry: no row in Más, a refusal on the address, 403 from the API', async () => {
    const gestor = rig.addAccount('gestor');
    const session = await apiLogIn(rig.server, gestor);
    const res = await fetch(`${rig.server.url}/api/admin/accounts`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(REFUSALS.adminCoordinatorOnly);
    await rig.phone({ login: gestor }, async (phone) => {
      await openSection(phone.page, t('nav.more'));
      await phone.page.getByRole('link', { name: new RegExp(`^${t('more.account')}`) }).waitFor();
      expect(await phone.page.getByRole('link', { name: new RegExp(`^${t('more.admin')}`) }).count()).toBe(0);
      await phone.goto('/mas/administracion/cuentas');
      await phone.page.getByText(t('admin.onlyCoordinador')).waitFor({ timeout: 20_000 });
      expect(await phone.page.getByLabel(t('admin.add.email')).count()).toBe(0);
    });
  });
});
