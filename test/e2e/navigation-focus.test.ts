import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/shared/i18n';
import { describeE2E } from '../helpers/e2e-rig';
import { planEvent } from '../helpers/e2e-steps';

const TEMPLATE = 'Actividad en un sitio del patrimonio cultural';

/** The focused element as a screen reader would start reading it: an h1's text, else its tag. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.tagName === 'H1' ? `h1: ${el.textContent ?? ''}` : (el?.tagName ?? 'none').toLowerCase();
});

/** Follows a link with the keyboard alone (focus, Enter), as the usability test did. */
async function pressLink(page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  await link.focus();
  await page.keyboard.press('Enter');
}

describeE2E('focus follows the person to each new screen', (rig) => {
  const gestor = rig.useAccount('gestor');

  it('every navigation, sub-screens included, leaves focus on the new screen’s heading', async () => {
    await rig.phone({ login: gestor, templates: true }, async (phone) => {
      const { page } = phone;
      const title = 'Fiesta patronal con teclado';
      await planEvent(page, { title, date: '2099-07-25', starts: '10:00', ends: '18:00', venue: 'Plaza de Armas', audience: 800, heritage: true }, TEMPLATE);
      // Checklist → back to its event (a link that leaves the screen it sat on).
      await pressLink(page, page.getByRole('main').getByRole('link', { name: new RegExp(title) }).first());
      await expect.poll(() => focused(page), { timeout: 15_000 }).toBe(`h1: ${title}`);
      // Event → one of its checklists (the sub-screen of the usability report).
      await pressLink(page, page.getByRole('link', { name: TEMPLATE }));
      await expect.poll(() => focused(page), { timeout: 15_000 }).toBe(`h1: ${TEMPLATE}`);
      // A catalogue topic: the same screen with another query, the link followed is gone.
      await phone.goto('/catalogo');
      const topic = page.getByRole('main').locator('a[href*="?tema="]').first();
      await topic.waitFor({ timeout: 30_000 });
      await pressLink(page, topic);
      await expect.poll(() => focused(page), { timeout: 15_000 }).toMatch(/^h1: /);
      // Más → Acerca de, a lazily loaded screen, and back.
      await pressLink(page, page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t('nav.more') }));
      await expect.poll(() => focused(page), { timeout: 15_000 }).toBe(`h1: ${t('nav.more')}`);
      await pressLink(page, page.getByRole('main').getByRole('link', { name: new RegExp(`^${t('more.about')}`) }));
      await expect.poll(() => focused(page), { timeout: 15_000 }).toBe(`h1: ${t('about.title')}`);
      // Typing in the catalogue search (the query changes as it is typed) keeps focus in the box.
      await phone.goto('/catalogo');
      const box = page.getByRole('searchbox').first();
      await box.waitFor({ timeout: 30_000 });
      await box.focus();
      await page.keyboard.type('aforo', { delay: 50 });
      await page.waitForTimeout(500);
      expect(await focused(page)).toBe('input');
      expect(phone.problems.pageErrors).toEqual([]);
    });
  });
});
