/**
 * No edit disappears without a trace, for an event (issue 9): two phones rename one event offline;
 * once both synced, the phone whose title lost shows it on the event's page and brings it back.
 */
import { expect, it } from 'vitest';
import { t } from '../../src/shared/i18n';
import { describeE2E, type Phone } from '../helpers/e2e-rig';
import { readServerData } from '../helpers/e2e-server-view';
import { createEvent } from '../helpers/e2e-steps';

/** Goes online and waits until this phone's outbox is empty (the top bar stops counting). */
async function comeOnline(phone: Phone): Promise<void> {
  await phone.goOnline();
  await phone.page.reload();
  await expect.poll(() => phone.page.getByText(/por enviar/).count(), { timeout: 30_000 }).toBe(0);
}

/** Opens the event's form, writes a new title and saves it (offline: on the phone only). */
async function rename(phone: Phone, eventId: string, title: string): Promise<void> {
  await phone.goto(`/eventos/${eventId}/editar`);
  await phone.page.getByLabel(t('events.field.title')).fill(title);
  await phone.page.getByRole('button', { name: t('events.form.save') }).click();
  await phone.page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
}

describeE2E('an event renamed on two phones offline', (rig) => {
  const gestor = rig.useAccount('gestor');
  const serverTitle = async (eventId: string) => (await readServerData(rig.server, gestor)).filter((c) => c.table === 'events' && c.id === eventId).at(-1)?.row?.['title'];

  it('the later title wins on both; the phone whose title lost shows it on the event and restores it through a new save', async () => {
    await rig.phone({ login: gestor, name: 'primer teléfono' }, (first) => rig.phone({ login: gestor, name: 'segundo teléfono' }, async (second) => {
      const eventId = await createEvent(first.page, { title: 'Feria del libro de Huamanga' });
      await expect.poll(() => serverTitle(eventId), { timeout: 30_000 }).toBe('Feria del libro de Huamanga');
      await expect.poll(async () => {
        await second.goto(`/eventos/${eventId}`);
        return second.page.getByRole('heading', { level: 1, name: 'Feria del libro de Huamanga' }).isVisible({ timeout: 2000 }).catch(() => false);
      }, { timeout: 30_000 }).toBe(true);
      await first.goOffline();
      await second.goOffline();

      await rename(first, eventId, 'Feria del libro: edición 2027');
      await second.page.waitForTimeout(50); // the second title is written later, by the clock too
      await rename(second, eventId, 'Feria regional del libro');
      for (const phone of [first, second]) await phone.expectServerSawNothingWhileOffline();

      await comeOnline(first);
      await comeOnline(second);
      await expect.poll(() => serverTitle(eventId), { timeout: 30_000 }).toBe('Feria regional del libro');

      // The first phone pulls the later title; its own is kept and shown, not lost.
      const lost = first.page.getByText(t('events.lost.title', { text: 'Feria del libro: edición 2027' }));
      await expect.poll(async () => {
        await first.goto(`/eventos/${eventId}`);
        return lost.isVisible({ timeout: 2000 }).catch(() => false);
      }, { timeout: 30_000 }).toBe(true);
      await first.page.getByRole('heading', { level: 1, name: 'Feria regional del libro' }).waitFor();
      expect(await second.page.getByText(/Otra persona cambió el título/).count()).toBe(0);

      await first.page.getByRole('button', { name: new RegExp(`^${t('checklists.lost.restore')}`) }).click();
      await lost.waitFor({ state: 'detached' });
      await first.page.getByRole('heading', { level: 1, name: 'Feria del libro: edición 2027' }).waitFor();
      await expect.poll(() => serverTitle(eventId), { timeout: 30_000 }).toBe('Feria del libro: edición 2027');
    }));
  });
});
