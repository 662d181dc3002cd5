/**
 * Checklist figures (issue 5), measured on the built app in Chromium at CPU ×4, 360×640:
 *   - ticking an item with 300 items on screen: from the tap to the item and the outbox row
 *     committed in one transaction, as the app times it (`tinkuy:checklist-save` User Timing);
 *   - opening a checklist of 300 items: from tapping its link on the event screen to its first
 *     screen drawn (route, live query over both databases, view and render). A list this long
 *     opens folded by section (#12): the open section's items are drawn, the others on a tap;
 *   - unfolding all its sections (300 items on screen), then the ticks with all 300 drawn.
 * Offline throughout: nothing here needs the server once the app is cached.
 */
import type { Page } from 'playwright-core';
import type { ChecklistTemplate } from '../../src/shared/catalogue/template';
import { putRows } from '../helpers/e2e-idb';
import { withRig } from '../helpers/e2e-rig';
import { planEvent } from '../helpers/e2e-steps';
import { median, percentile, type BenchRow } from './bench-row';

const CPU_SLOWDOWN = 4;
const ITEMS = 300;
const TICKS = 40;
const RENDERS = 12;
const TITLE = 'Lista de prueba de 300 ítems';

/** A template of 10 sections × 30 items, every item applying to every event. */
function makeBigTemplate(): ChecklistTemplate {
  return {
    id: 'bench-300', version: 1, title: TITLE, summary: 'Para medir.', proposeWhen: {},
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `seccion-${s}`, title: `Sección ${s + 1}`,
      items: Array.from({ length: ITEMS / 10 }, (_, i) => ({ id: `bench-${s}-${i}`, text: `Tarea ${s + 1}.${i + 1}: revisar y confirmar con el equipo`, dueDays: (i % 20) - 2 })),
    })),
  };
}

/** Taps the checklist link and waits, in the page, for its items and one more frame; how long and how many. */
async function timeRender(page: Page): Promise<{ ms: number; items: number }> {
  return page.evaluate(async () => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('main a')].find((a) => a.pathname.includes('/lista/'))!;
    const started = performance.now();
    link.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelector('.checklist__item')) break;
    }
    await new Promise((r) => requestAnimationFrame(r));
    return { ms: performance.now() - started, items: document.querySelectorAll('.checklist__item').length };
  });
}

/** Taps «Abrir todas las secciones» and waits for all `count` items and one more frame. */
async function timeUnfold(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Abrir todas las secciones')!;
    const started = performance.now();
    button.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelectorAll('.checklist__item').length >= n) break;
    }
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  }, count);
}

/** Ticks `count` items from the `from`-th tap on, at a person's pace; the app's own timings. */
async function timeTicks(page: Page, from: number, count: number): Promise<number[]> {
  const boxes = page.locator('.checklist__item input[type="checkbox"]');
  for (let i = from; i < from + count; i += 1) {
    const box = boxes.nth((i * 7) % ITEMS);
    // A person scrolls to the item, sees it, then taps: the scroll's drawing (items coming into
    // view lay out, content-visibility: auto) is not the tap's. A bare click() scrolls and taps at
    // once and put that drawing inside the tap's window (A/B at load 7: median 77 → 60 ms, CPU ×4).
    await box.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await box.click();
    await page.waitForFunction((n) => performance.getEntriesByName('tinkuy:checklist-save').length >= n, i + 1);
    // A person's pace: the screen has re-rendered the last tick before the next one.
    await page.waitForTimeout(250);
  }
  return page.evaluate((skip) => performance.getEntriesByName('tinkuy:checklist-save').slice(skip).map((e) => e.duration), from);
}

/** The rows: tick p95 and render median/p95, with the checklist of 300 items. */
export async function measureChecklist(): Promise<BenchRow[]> {
  return withRig((rig) => rig.phone({}, async (phone) => {
    const { page, context } = phone;
    await putRows(page, 'tinkuy-catalogue', 'checklistTemplates', [makeBigTemplate()]);
    await page.reload();
    await phone.goOffline();
    await planEvent(page, { title: 'Evento de medición', date: '2099-05-04', starts: '10:00', ends: '12:00', audience: 100, outdoors: false, music: null }, TITLE);
    await page.goBack();
    await page.getByRole('link', { name: TITLE }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const renders: number[] = [];
    let firstScreenItems = 0;
    for (let i = 0; i < RENDERS; i += 1) {
      const { ms, items } = await timeRender(page);
      renders.push(ms);
      firstScreenItems = items;
      await page.goBack();
      await page.getByRole('link', { name: TITLE }).waitFor();
    }
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const unfold = await timeUnfold(page, ITEMS);
    const ticks = await timeTicks(page, 0, TICKS);
    // The same at full CPU: what is left is mostly the disk (strict durability waits for it).
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const fullSpeed = await timeTicks(page, TICKS, TICKS / 2);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const rows: BenchRow[] = [
      { area: 'checklists', what: `tick an item, 300 on screen (record + outbox committed), p95, CPU ×${CPU_SLOWDOWN}`, value: round(percentile(ticks, 95)), unit: 'ms', budget: 50, detail: `${ticks.length} ticks, median ${round(median(ticks))} ms` },
      { area: 'checklists', what: 'tick an item, 300 on screen, p95, no CPU throttling', value: round(percentile(fullSpeed, 95)), unit: 'ms', budget: null, detail: `${fullSpeed.length} ticks, median ${round(median(fullSpeed))} ms` },
      { area: 'checklists', what: `render a checklist of 300 items (tap to its first screen, folded by section), median, CPU ×${CPU_SLOWDOWN}`, value: round(median(renders)), unit: 'ms', budget: 100, detail: `${renders.length} renders, p95 ${round(percentile(renders, 95))} ms; ${firstScreenItems} items drawn, the rest on a tap` },
      { area: 'checklists', what: `unfold all sections of 300 items (tap to all 300 drawn), CPU ×${CPU_SLOWDOWN}`, value: round(unfold), unit: 'ms', budget: null, detail: 'once' },
    ];
    return rows;
  }));
}
