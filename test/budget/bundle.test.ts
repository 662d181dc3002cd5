import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR } from '../helpers/e2e-server';
import { BUDGET, findHtmlResources, findStaticImports, isDrawnByHtml, formatBundleTable, formatKiB, measureBundle, measureRouteJs, measureScreenFiles, type BundleFigures } from './bundle-figures';

describe('the built client stays within the bundle budget', () => {
  let figures: BundleFigures;

  beforeAll(() => {
    figures = measureBundle(CLIENT_DIR);
    console.log(`\nPresupuesto del paquete (dist/client, gzip -9):\n${formatBundleTable(figures)}\n`);
  });

  it('loads at most 20 KiB gzip of JavaScript before the first screen', () => {
    expect(figures.critical.some((a) => a.url.endsWith('.js')), 'index.html no carga ningún script').toBe(true);
    const detail = figures.critical.map((a) => `${a.url} ${formatKiB(a.gzipBytes)}`).join(', ');
    expect(figures.criticalJsGzip, `JS inicial ${formatKiB(figures.criticalJsGzip)} > ${formatKiB(BUDGET.criticalJsGzip)}: ${detail}`).toBeLessThanOrEqual(
      BUDGET.criticalJsGzip,
    );
  });

  it('keeps each lazy chunk at or under 30 KiB gzip', () => {
    const over = figures.lazy.filter((a) => a.gzipBytes > BUDGET.lazyChunkGzip).map((a) => `${a.url} ${formatKiB(a.gzipBytes)}`);
    expect(over, `trozos diferidos sobre ${formatKiB(BUDGET.lazyChunkGzip)}`).toEqual([]);
  });

  it('keeps the Panorama de la RED screen, its map and its styles, at or under 40 KiB gzip', () => {
    const files = measureScreenFiles(CLIENT_DIR, 'national-screen');
    expect(files.map((f) => f.url.split('.').at(-1)).sort(), 'no se encontró el trozo de national-screen').toEqual(['css', 'js']);
    const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    expect(total, files.map((f) => `${f.url} ${formatKiB(f.gzipBytes)}`).join(', ')).toBeLessThanOrEqual(BUDGET.nationalScreenGzip);
  });

  // #12: the catalogue grew to 34–37 KiB unnoticed when the sync engine and its schemas joined the
  // device's chunk; a catalogue screen reads the device, and must not bring what writes and syncs it.
  it.each(['catalogue-screen', 'reader-screen', 'template-screen'])('keeps the %s route at or under 30 KiB gzip beyond the first screen, Dexie counted once', (name) => {
    const route = measureRouteJs(CLIENT_DIR, name, new Set(figures.critical.map((a) => a.url)));
    expect(route, `no se encontró el trozo de ${name}`).toBeDefined();
    const detail = route!.files.map((a) => `${a.url} ${formatKiB(a.gzipBytes)}`).join(', ');
    expect(route!.ownGzipBytes, `${name}: ${formatKiB(route!.ownGzipBytes)} sin contar Dexie: ${detail}`).toBeLessThanOrEqual(BUDGET.catalogueRouteGzip);
  });

  it('draws the first screen from index.html alone: one request before it (the app’s code comes in the second)', () => {
    expect(figures.firstScreenRequests, 'index.html no dibuja la primera pantalla por sí sola').toBe(BUDGET.firstScreenRequests);
  });

  it('needs at most 2 requests in sequence before the app runs (HTML, then its scripts in parallel)', () => {
    const late = figures.critical.filter((a) => a.depth > BUDGET.sequentialRequests).map((a) => `${a.url} (viaje ${a.depth})`);
    expect(figures.sequentialRequests, `se descubren tarde: ${late.join(', ')}`).toBeLessThanOrEqual(BUDGET.sequentialRequests);
  });
});

describe('the bundle measure itself', () => {
  let dir: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tinkuy-budget-'));
    write('index.html', '<html><head><script type="module" crossorigin src="/assets/index.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor.js"><link rel="stylesheet" href="/assets/app.css"></head></html>');
    write('assets/index.js', 'import{a as b}from"./vendor.js";import"./hidden.js";const l=()=>import("./lazy.js");');
    write('assets/vendor.js', 'export const a=1;');
    write('assets/hidden.js', `export const h="${'x'.repeat(100)}";`);
    write('assets/app.css', 'body{color:#000}');
    // Random digits do not compress: this lazy chunk is over 30 KiB even gzipped.
    write('assets/lazy.js', `export const big="${Array.from({ length: 90_000 }, () => Math.floor(Math.random() * 10)).join('')}";`);
    write('sw.js', 'self.addEventListener("fetch",()=>{});');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('weighs a route as its chunk and what it imports statically, apart from what was loaded, with and without Dexie', () => {
    // A client of its own: these files would be lazy chunks of the fixture above.
    const client = mkdtempSync(join(tmpdir(), 'tinkuy-route-'));
    const files = {
      'reader-screen-abc.js': 'import{a}from"./vendor.js";import{d}from"./dexie-x1.js";import{s}from"./store-y2.js";const l=()=>import("./lazy.js");',
      'vendor.js': 'export const a=1;',
      'dexie-x1.js': `export const d="${'d'.repeat(50)}";`,
      'store-y2.js': 'import{d}from"./dexie-x1.js";export const s=d;',
    };
    try {
      mkdirSync(join(client, 'assets'));
      for (const [name, code] of Object.entries(files)) writeFileSync(join(client, 'assets', name), code);
      const route = measureRouteJs(client, 'reader-screen', new Set(['/assets/vendor.js']))!;
      expect(route.files.map((a) => a.url).sort()).toEqual(['/assets/dexie-x1.js', '/assets/reader-screen-abc.js', '/assets/store-y2.js']);
      const dexie = route.files.find((a) => a.url === '/assets/dexie-x1.js')!;
      expect(route.ownGzipBytes).toBe(route.gzipBytes - dexie.gzipBytes);
      expect(measureRouteJs(client, 'catalogue-screen', new Set())).toBeUndefined();
    } finally {
      rmSync(client, { recursive: true, force: true });
    }
  });

  it('calls a page drawn by itself only with the nav’s five links, an h1 in <main> and nothing that holds the paint', () => {
    const nav = `<nav>${'<a href="/x">x</a>'.repeat(5)}</nav>`;
    const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
    const module = '<script type="module" crossorigin src="/m.js"></script>';
    expect(isDrawnByHtml(page(`${module}<style>a{}</style>`, `<main><h1>Hola</h1></main>${nav}`))).toBe(true);
    expect(isDrawnByHtml(page(module, '<div id="app"></div>'))).toBe(false);
    expect(isDrawnByHtml(page(`${module}<link rel="stylesheet" href="/a.css">`, `<main><h1>Hola</h1></main>${nav}`))).toBe(false);
    expect(isDrawnByHtml(page('<script src="/classic.js"></script>', `<main><h1>Hola</h1></main>${nav}`))).toBe(false);
    expect(isDrawnByHtml(page(module, `<main></main>${nav}`))).toBe(false);
  });

  it('counts inline styles and scripts, and no stylesheet that is disabled (never fetched)', () => {
    const found = findHtmlResources('<style>a{b:c}</style><link rel="stylesheet" href="/x.css" disabled><link rel="stylesheet" href="/y.css"><script>go()</script><script type="module" src="/m.js"></script>');
    expect(found).toEqual({ scripts: ['/m.js'], preloads: [], styles: ['/y.css'], inlineCss: 'a{b:c}', inlineJs: 'go()' });
  });

  it('finds static imports and re-exports but not dynamic import()', () => {
    expect(findStaticImports('import{a}from"./x.js";export*from"../y.js";import"./z.js";import("./lazy.js")')).toEqual(['./x.js', '../y.js', './z.js']);
  });

  it('counts preloads as parallel, finds a static import the HTML does not name as a third request, and flags a lazy chunk over budget', () => {
    const measured = measureBundle(dir);
    const depths = Object.fromEntries(measured.critical.map((a) => [a.url, a.depth]));
    expect(depths).toEqual({ '/assets/index.js': 2, '/assets/vendor.js': 2, '/assets/app.css': 2, '/assets/hidden.js': 3 });
    expect(measured.sequentialRequests).toBe(3);
    expect(measured.firstScreenRequests).toBe(3);
    expect(measured.lazy.map((a) => a.url)).toEqual(['/assets/lazy.js']);
    expect(measured.lazy[0]!.gzipBytes).toBeGreaterThan(BUDGET.lazyChunkGzip);
    expect(measured.serviceWorker?.url).toBe('/sw.js');
    expect(measured.criticalJsGzip).toBe(measured.critical.filter((a) => a.url.endsWith('.js')).reduce((s, a) => s + a.gzipBytes, 0));
  });
});
