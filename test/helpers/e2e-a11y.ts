/** The accessibility check every e2e screen passes: axe-core, WCAG 2.1 A and AA. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Fails listing every serious or critical axe-core violation on the page (or only inside
 * `<main>` with `{ mainOnly: true }`), each with `where` and the elements it found.
 */
export async function expectNoSeriousAxeViolations(page: Page, where: string, options: { mainOnly?: boolean } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (options.mainOnly ? builder.include('main') : builder).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
