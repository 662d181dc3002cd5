import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { describeE2E } from '../helpers/e2e-rig';
import { createEvent } from '../helpers/e2e-steps';

/** The top bar's box, and whether its status sits on the brand's row (one line). */
const measureBar = (page: Page) => page.evaluate(() => {
  const bar = document.querySelector('.top-bar')!.getBoundingClientRect();
  const brand = document.querySelector('.top-bar__brand')!.getBoundingClientRect();
  const status = document.querySelector('.top-bar__status')!.getBoundingClientRect();
  const pills = [...document.querySelectorAll('.top-bar .pill')].map((p) => (p.textContent ?? '').trim());
  return { height: Math.round(bar.height), width: Math.round(bar.width), isOneRow: status.top < brand.bottom && status.bottom > brand.top, overflows: document.documentElement.scrollWidth > window.innerWidth, pills };
});

describeE2E('the top bar at 360 px', (rig) => {
  const gestor = rig.useAccount('gestor');

  it('fits one line in every state: online, offline, changes waiting offline, the sync screen', async () => {
    await rig.phone({ login: gestor, templates: true }, async (phone) => {
      const { page } = phone;
      const seen: Array<Awaited<ReturnType<typeof measureBar>>> = [];
      const look = async () => {
        const bar = await measureBar(page);
        seen.push(bar);
        return bar;
      };
      await expect.poll(async () => (await look()).pills.join(' | '), { timeout: 30_000 }).toContain(t('shell.sync.upToDate'));
      await phone.goOffline();
      await page.getByText(t('shell.offline'), { exact: true }).first().waitFor();
      await look();
      // Many changes wait: an event and every checklist proposed for it, saved offline.
      await createEvent(page, { title: 'Festival con muchos cambios', date: '2099-08-01', starts: '10:00', ends: '20:00', venue: 'Plaza', audience: 3000, heritage: true });
      await page.getByRole('button', { name: /^Agregar las \d+ propuestas$/ }).click();
      await page.getByRole('link', { name: 'Actividad en un sitio del patrimonio cultural' }).click();
      const ticks = page.getByRole('checkbox', { name: /./ });
      await ticks.first().waitFor();
      for (let i = 0; i < 8; i += 1) await ticks.nth(i).check();
      await expect.poll(async () => (await look()).pills.join(' | '), { timeout: 15_000 }).toMatch(/\d{2} por enviar/);
      await phone.goto('/mas/sincronizacion');
      await look();
      for (const bar of seen) {
        expect(bar, JSON.stringify(bar)).toMatchObject({ width: 360, isOneRow: true, overflows: false });
        // One row: the bar's 48 px targets and its padding, never a second row (~100 px).
        expect(bar.height, JSON.stringify(bar)).toBeLessThanOrEqual(60);
      }
      expect(seen.some((bar) => bar.pills.includes(t('shell.offline')) && bar.pills.some((p) => /\d{2} por enviar/.test(p)))).toBe(true);
      await page.screenshot({ path: 'test-results/top-bar-offline-pending.png' });
    });
  });
});
