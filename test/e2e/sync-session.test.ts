import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { apiLogIn, COORDINADOR } from '../helpers/e2e-accounts';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import type { RunningServer } from '../helpers/e2e-server';
import { countByTitle, expireAllSessions, readServer } from '../helpers/e2e-server-view';
import { createEvent, logIn, openMore, pressSyncNow, submitLogin, waitForPending } from '../helpers/e2e-steps';

/** The person, from another device, ends every other session of the account ("Mis dispositivos"). */
async function endOtherSessions(server: RunningServer): Promise<number> {
  const auth = { authorization: `Bearer ${(await apiLogIn(server, COORDINADOR, 'Laptop')).accessToken}` };
  const list = (await (await fetch(`${server.url}/api/auth/sessions`, { headers: auth })).json()) as { sessions: { id: string; current: boolean }[] };
  let ended = 0;
  for (const other of list.sessions.filter((s) => !s.current)) {
    const res = await fetch(`${server.url}/api/auth/sessions/${other.id}`, { method: 'DELETE', headers: auth });
    if (res.status === 204) ended += 1;
  }
  return ended;
}

/**
 * Back online with a session the server no longer knows: a sync asks for a login, keeps the
 * `pending` changes, and the server's version has not moved from `version`.
 */
async function expectLoginAskedNothingSent(phone: Phone, server: RunningServer, pending: number, version: number): Promise<void> {
  await phone.goOnline();
  await openMore(phone.page, t('more.sync'));
  await pressSyncNow(phone.page);
  await phone.page.getByText(t('sync.phase.needsLogin'), { exact: true }).first().waitFor({ timeout: 20_000 });
  await waitForPending(phone.page, pending);
  expect((await readServer(server)).version, 'nada se envió con la sesión terminada').toBe(version);
}

describeE2E('a session that ends while the phone is offline', (rig) => {
  it('work goes on offline, the app asks for a login on reconnect with nothing lost, and after the login everything is sent once', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { page } = phone;
      const before = await readServer(rig.server);

      await phone.goOffline();
      expect(await endOtherSessions(rig.server), 'la sesión del teléfono terminó en el servidor').toBeGreaterThan(0);
      await createEvent(page, { title: 'Festival con la sesión vencida' });
      await createEvent(page, { title: 'Feria con la sesión vencida' });
      await page.reload();
      await phone.expectServerSawNothingWhileOffline();

      await expectLoginAskedNothingSent(phone, rig.server, 2, before.version);

      // The sync screen's own way to the login.
      await page.getByRole('link', { name: t('sync.login') }).click();
      await page.getByText(t('session.expired')).first().waitFor();
      await submitLogin(page, COORDINADOR);

      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      const after = await readServer(rig.server);
      const titles = ['Festival con la sesión vencida', 'Feria con la sesión vencida'];
      expect(countByTitle(after, titles)).toEqual({ [titles[0]!]: 1, [titles[1]!]: 1 });
      expect(after.version - before.version).toBe(2);
    });
  });

  it('a session whose tokens ran out while offline (90 days unused) asks for a login on reconnect; nothing waiting is lost', async () => {
    await rig.phone({ login: COORDINADOR }, async (phone) => {
      const { page } = phone;
      const before = await readServer(rig.server);
      await phone.goOffline();
      await createEvent(page, { title: 'Concierto tras 90 días sin señal' });
      expect(expireAllSessions(rig.server)).toBeGreaterThan(0);
      await page.reload();
      await phone.expectServerSawNothingWhileOffline();
      await expectLoginAskedNothingSent(phone, rig.server, 1, before.version);

      await logIn(page, COORDINADOR);
      await openMore(page, t('more.sync'));
      await waitForPending(page, 0);
      const after = await readServer(rig.server);
      expect(countByTitle(after, ['Concierto tras 90 días sin señal'])).toEqual({ 'Concierto tras 90 días sin señal': 1 });
      expect(after.version - before.version).toBe(1);
    });
  });
});
