/**
 * A long checklist (#12), as a person works it on a phone with no signal: 300 items open folded
 * by section, a section unfolds from the keyboard, «Abrir todas las secciones» draws all 300,
 * a tick in the last section is kept, and after a reload the list opens folded again with that
 * tick still there.
 */
import { expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../src/shared/catalogue/template';
import { expectNoSeriousAxeViolations } from '../helpers/e2e-a11y';
import { putRows } from '../helpers/e2e-idb';
import { describeE2E } from '../helpers/e2e-rig';
import { planEvent } from '../helpers/e2e-steps';

const TITLE = 'Lista larga de 300 ítems';
const LAST = 'Tarea 10.30: revisar y confirmar con el equipo';

/** 10 sections × 30 items, every item applying to every event. */
const LONG_TEMPLATE: ChecklistTemplate = {
  id: 'larga-300', version: 1, title: TITLE, summary: 'Una lista muy larga.', proposeWhen: {},
  sections: Array.from({ length: 10 }, (_, s) => ({
    id: `seccion-${s}`, title: `Sección ${s + 1}`,
    items: Array.from({ length: 30 }, (_, i) => ({ id: `larga-${s}-${i}`, text: `Tarea ${s + 1}.${i + 1}: revisar y confirmar con el equipo`, dueDays: 3 })),
  })),
};

describeE2E('a checklist of 300 items, folded by section', (rig) => {
  it('opens on one section, unfolds by keyboard or all at once, and keeps a tick offline', async () => {
    await rig.phone({}, async (phone) => {
      const { page } = phone;
      await putRows(page, 'tinkuy-catalogue', 'checklistTemplates', [LONG_TEMPLATE]);
      await page.reload();
      await phone.goOffline();
      await planEvent(page, { title: 'Feria larga', date: '2099-05-04', starts: '10:00', ends: '12:00', audience: 100, outdoors: false, music: null }, TITLE);
      const items = page.locator('.checklist__item');
      await expect.poll(() => items.count()).toBe(30);
      const second = page.getByRole('button', { name: 'Sección 2', exact: true });
      expect(await second.getAttribute('aria-expanded')).toBe('false');
      await expectNoSeriousAxeViolations(page, 'lista larga plegada', { mainOnly: true });

      await second.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => second.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => items.count()).toBe(60);

      await page.getByRole('button', { name: 'Abrir todas las secciones' }).click();
      await expect.poll(() => items.count()).toBe(300);
      await page.getByRole('checkbox', { name: LAST }).check();
      await expect.poll(() => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: LAST }) }).getByText('Hecho', { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => page.getByText('Avance total: 1 de 300 · 0 %').isVisible()).toBe(true);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await expect.poll(() => items.count()).toBe(30);
      await page.getByRole('button', { name: 'Abrir todas las secciones' }).click();
      await expect.poll(() => page.getByRole('checkbox', { name: LAST }).isChecked()).toBe(true);
    });
  }, 240_000);
});
