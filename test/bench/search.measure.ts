/**
 * Catalogue figures (issue 4), measured on the built app in Chromium:
 *   - the catalogue's first download: bytes on the wire of every catalogue pull page a fresh
 *     phone makes on its first visit (compressed as the server sends them);
 *   - search p95 over 3,000 entries (the real ones plus generated ones) at CPU ×4: from the
 *     query to published results, as the app itself times it (`tinkuy:search` User Timing),
 *     with the engine already loaded; and how long building that index took;
 *   - the JavaScript each catalogue route loads beyond the first screen (gzip -9).
 */
import type { Page } from 'playwright-core';
import type { Entry } from '../../src/shared/catalogue';
import type { PullResponse } from '../../src/shared/protocol';
import { BUDGET, measureBundle, measureRouteJs, RUNTIME_CHUNK } from '../budget/bundle-figures';
import { launchBrowser, newPhoneContext, waitForServiceWorkerControl } from '../helpers/e2e-browser';
import { CLIENT_DIR, startServer } from '../helpers/e2e-server';
import { putRows } from '../helpers/e2e-idb';
import { median, percentile, type BenchRow } from './bench-row';

const KIB = 1024;
const CPU_SLOWDOWN = 4;
const TARGET_ENTRIES = 3_000;
/** Each query is typed this many times (p95 over all of them). */
const ROUNDS = 3;
/** What people type, with two words typed letter by letter (from three letters on, as the app searches). */
const QUERIES = [
  ...['mus', 'musi', 'music', 'musica'],
  ...['per', 'perm', 'permi', 'permis', 'permiso'],
  'autorisación', 'aforo', 'seguridad', 'derechos de autor', 'presupuesto participativo', 'lengua de señas', 'pirotecnia',
  'menores', 'escenario', 'ruido', 'voluntarios', 'encuesta', 'accesible', 'datos personales', 'itse', 'garantías',
  'plan de difusión', 'toldos', 'baños portátiles', 'contrato de artistas', 'informe final', 'lluvia', 'quechua', 'seguro',
];

async function readServerEntries(url: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor = 0;
  for (;;) {
    const page = (await (await fetch(`${url}/api/sync/pull?scope=catalogue&cursor=${cursor}&limit=500`)).json()) as PullResponse;
    for (const change of page.changes) if (change.table === 'entries' && change.row) entries.push(change.row as Entry);
    if (!page.hasMore || page.cursor <= cursor) return entries;
    cursor = page.cursor;
  }
}

/** Generated entries made of the real ones' sentences, shuffled, so the index sees real Spanish. */
function generateEntries(real: Entry[], count: number): Array<Entry & { syncVersion: number }> {
  const sentences = real.flatMap((entry) => entry.searchText.split(/(?<=[.!?])\s+|\n/)).filter((s) => s.length > 20);
  const titles = real.map((entry) => entry.title.split(' '));
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const base = pick(real);
    const title = `${pick(titles).slice(0, 3).join(' ')} ${pick(titles).slice(-3).join(' ')} ${i}`;
    const body = Array.from({ length: 12 + Math.floor(next() * 20) }, () => pick(sentences)).join(' ');
    const summary = pick(sentences).slice(0, 190);
    return { ...base, id: `generada-${i}`, title, summary, body: [], toc: [], searchText: `${title}\n${summary}\n${body}`, version: `generada-${i}`, syncVersion: 1_000_000 + i };
  });
}

/** Adds rows to the app's own catalogue database, as a pull would have left them. */
async function seedEntries(page: Page, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 250) await putRows(page, 'tinkuy-catalogue', 'entries', rows.slice(i, i + 250));
}

async function typeAndWait(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox').fill(query);
  await page.waitForFunction((q) => document.querySelector('.catalogue-search__count')?.textContent?.includes(`«${q.trim()}»`), query, { timeout: 60_000 });
}

/** The three slowest queries with their times (the measures come in QUERIES order). */
function describeSlowest(times: number[]): string {
  return times
    .map((ms, i) => ({ ms, query: QUERIES[i % QUERIES.length] ?? '?' }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((q) => `«${q.query}» ${Math.round(q.ms)} ms`)
    .join(', ');
}

/** First download of the catalogue, and search p95 over 3,000 entries at CPU ×4. */
export async function measureCatalogueSearch(): Promise<BenchRow[]> {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const pulls = new Map<string, { encoding: string; bytes: number }>();
    cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string; headers: Record<string, string> } }) => {
      if (e.response.url.includes('/api/sync/pull') && e.response.url.includes('scope=catalogue')) {
        pulls.set(e.requestId, { encoding: e.response.headers['content-encoding'] ?? 'identity', bytes: 0 });
      }
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const pull = pulls.get(e.requestId);
      if (pull) pull.bytes = e.encodedDataLength;
    });
    await page.goto(`${server.url}/catalogo`);
    await waitForServiceWorkerControl(page);
    await page.getByRole('heading', { level: 2, name: 'Temas' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_500);
    const pages = [...pulls.values()].filter((p) => p.bytes > 0);
    const downloadKiB = pages.reduce((sum, p) => sum + p.bytes, 0) / KIB;

    const real = await readServerEntries(server.url);
    await seedEntries(page, generateEntries(real, TARGET_ENTRIES - real.length));
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Temas' }).waitFor({ timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.getByRole('searchbox').focus();
    await page.waitForFunction(() => performance.getEntriesByName('tinkuy:search-index').length > 0, undefined, { timeout: 300_000, polling: 500 });
    const buildMs = await page.evaluate(() => performance.getEntriesByName('tinkuy:search-index')[0]!.duration);
    // A few queries first, as a person's first words do, so the figures are not the JIT warming up.
    for (const query of ['festival', 'plaza', 'municipalidad', 'artistas']) await typeAndWait(page, query);
    await page.evaluate(() => performance.clearMeasures('tinkuy:search'));
    for (let round = 0; round < ROUNDS; round++) for (const query of QUERIES) await typeAndWait(page, query);
    const times = await page.evaluate(() => performance.getEntriesByName('tinkuy:search').map((e) => e.duration));
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('tinkuy-catalogue');
          open.onsuccess = () => {
            const count = open.result.transaction('entries').objectStore('entries').count();
            count.onsuccess = () => (open.result.close(), resolve(count.result));
          };
        }),
    );
    await context.close();
    const round = (ms: number) => Math.round(ms * 10) / 10;
    // Each query's median over its rounds, so a stall of this shared machine is not read as search time.
    const perQuery = QUERIES.map((_, q) => median(times.filter((__, i) => i % QUERIES.length === q)));
    return [
      { area: 'catalogue', what: 'catalogue first download, all pull pages on the wire', value: round(downloadKiB), unit: 'KiB', budget: 150, detail: `${pages.length} pages, ${[...new Set(pages.map((p) => p.encoding))].join('/')}, ${real.length} entries + templates + places` },
      {
        area: 'catalogue',
        what: `search p95, ${TARGET_ENTRIES} entries (CPU ×${CPU_SLOWDOWN}; median of ${ROUNDS} per query)`,
        value: round(percentile(perQuery, 95)),
        unit: 'ms',
        budget: 30,
        detail: `${stored} entries on the phone, ${QUERIES.length} queries × ${ROUNDS}; p50 ${round(median(perQuery))} ms; p95 of all ${times.length} samples ${round(percentile(times, 95))} ms; slowest samples: ${describeSlowest(times)}`,
      },
      { area: 'catalogue', what: `search index build, ${TARGET_ENTRIES} entries (CPU ×${CPU_SLOWDOWN}, once, then cached)`, value: Math.round(buildMs), unit: 'ms', budget: null },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * JavaScript each catalogue route (and the search engine on first focus) adds to the first screen.
 * Each figure is given both ways (#12): the row's value counts Dexie once, as the runtime's (its own
 * row below, loaded by the first data screen whichever it is), and the detail says what the route
 * weighs counting every chunk it loads, Dexie included. Dexie alone is ~29 KiB gzip, so "every
 * chunk ≤ 30 KiB" cannot be met by any route that reads the device.
 */
export async function measureCatalogueRouteJs(): Promise<BenchRow[]> {
  const bundle = measureBundle(CLIENT_DIR);
  const critical = new Set(bundle.critical.map((a) => a.url));
  // The engine loads from the home, so what the home already brought does not count twice.
  const homeChunks = new Set(measureRouteJs(CLIENT_DIR, 'catalogue-screen', critical)?.files.map((a) => a.url));
  const runtime = bundle.lazy.find((a) => RUNTIME_CHUNK.test(a.url));
  const kib = (bytes: number) => Math.round((bytes / KIB) * 10) / 10;
  const rows: BenchRow[] = [];
  for (const [name, what, budget, loaded] of [
    ['catalogue-screen', 'catalogue home route JS', BUDGET.catalogueRouteGzip / KIB, critical],
    ['reader-screen', 'catalogue reader route JS', BUDGET.catalogueRouteGzip / KIB, critical],
    ['template-screen', 'template preview route JS', BUDGET.catalogueRouteGzip / KIB, critical],
    ['catalogue-index', 'search engine, loaded on first focus', 30, new Set([...critical, ...homeChunks])],
  ] as const) {
    const route = measureRouteJs(CLIENT_DIR, name, loaded);
    if (!route) continue;
    const own = route.files.filter((a) => !RUNTIME_CHUNK.test(a.url));
    const hasRuntime = own.length < route.files.length;
    rows.push({
      area: 'catalogue', what: `${what}, Dexie counted once as the runtime's (gzip -9)`, value: kib(route.ownGzipBytes), unit: 'KiB', budget,
      detail: `${hasRuntime ? `counting every chunk it loads, Dexie included: ${kib(route.gzipBytes)} KiB; ` : ''}${own.map((a) => a.url.replace('/assets/', '')).join(', ')}`,
    });
  }
  if (runtime) {
    rows.push({ area: 'catalogue', what: 'Dexie, the IndexedDB runtime every data screen shares, loaded once (gzip -9)', value: kib(runtime.gzipBytes), unit: 'KiB', budget: null, detail: runtime.url.replace('/assets/', '') });
  }
  return rows;
}
