/**
 * Reads the built client (dist/client) the way a phone would: what index.html loads before the
 * first screen, what waits behind `import()`, and how many round trips come one after another.
 * Sizes are gzip level 9, as our server and any proxy would send them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets from DESIGN.md "Performance budgets" (KiB are 1024 bytes). */
export const BUDGET = {
  /**
   * DESIGN.md says 60 KiB; #12 brought it to 19.5 KiB (the main chunk no longer carries the error
   * words or the Storage model): 20 KiB keeps what was won. #12's goal is 16 (the bench row's budget).
   */
  criticalJsGzip: 20 * 1024,
  /** #12's goal for the JavaScript before the first screen: a bench figure, not yet a test. */
  criticalJsGoalGzip: 16 * 1024,
  lazyChunkGzip: 30 * 1024,
  /** Requests in sequence before the app's code runs: the HTML, then its scripts in parallel. */
  sequentialRequests: 2,
  /** DESIGN.md: the first screen is drawn from the HTML alone (#12: prerendered, CSS inline). */
  firstScreenRequests: 1,
  /** Panorama de la RED (#11): its screen chunk with the map geometry, and its styles. */
  nationalScreenGzip: 40 * 1024,
  /** #12: what a catalogue route loads beyond the first screen, Dexie counted once as the runtime's. */
  catalogueRouteGzip: 30 * 1024,
} as const;

/** One file the app ships. */
export interface AssetFigure {
  /** Path from the site root, e.g. `/assets/index-abc.js`. */
  url: string;
  bytes: number;
  gzipBytes: number;
  /** Round trip in which the browser learns of it: 1 = the HTML, 2 = named by the HTML, … */
  depth: number;
}

/** Everything the budget looks at. */
export interface BundleFigures {
  /** index.html itself: since #12 it carries the CSS and the first screen drawn. */
  html: AssetFigure;
  critical: AssetFigure[];
  criticalJsGzip: number;
  criticalCssGzip: number;
  lazy: AssetFigure[];
  serviceWorker: AssetFigure | null;
  /** Requests in sequence before the app's code runs: HTML, then what it names, then … */
  sequentialRequests: number;
  /** Requests in sequence before the first screen is drawn: 1 when the HTML draws it alone. */
  firstScreenRequests: number;
}

/** Size of `bytes` once gzipped at level 9. */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The scripts, module preloads and stylesheets an HTML page names, as root paths (a `disabled`
 * stylesheet is never fetched), and the text of its inline <style> and <script> elements.
 */
export function findHtmlResources(html: string): { scripts: string[]; preloads: string[]; styles: string[]; inlineCss: string; inlineJs: string } {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/g)].map((m) => m[1]!);
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
  const inlineJs = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel=["']([^"']+)["']/.exec(tag)?.[1] ?? '';
    const href = /\bhref=["']([^"']+)["']/.exec(tag)?.[1];
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    if (rel === 'stylesheet' && !/\sdisabled\b/.test(tag)) styles.push(href);
  }
  return { scripts, preloads, styles, inlineCss, inlineJs };
}

/**
 * Whether a page draws its first screen by itself: its markup holds the bottom nav with its five
 * links and an h1 inside <main>, and nothing holds the paint back (a stylesheet still to fetch, a
 * classic script that stops the parser). Module scripts run after parsing and do not.
 */
export function isDrawnByHtml(html: string): boolean {
  const nav = /<nav\b[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const main = /<main\b[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';
  const hasScreen = (nav.match(/<a\b[^>]*\bhref=/g) ?? []).length >= 5 && /<h1\b/.test(main);
  const blocksPaint =
    findHtmlResources(html).styles.length > 0 ||
    [...html.matchAll(/<script\b([^>]*)\bsrc=[^>]*>/g)].some(([tag]) => !/\btype=["']module["']|\bdefer\b|\basync\b/.test(tag));
  return hasScreen && !blocksPaint;
}

/** Chunks a built ES module imports statically (the browser fetches them before running it). */
export function findStaticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/** Files a stylesheet pulls in before it applies (`@import`). */
function findCssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)].map((m) => m[1]!);
}

function resolveUrl(from: string, specifier: string): string {
  return specifier.startsWith('/') ? specifier : posix.normalize(posix.join(posix.dirname(from), specifier));
}

function readAsset(clientDir: string, url: string): Buffer {
  return readFileSync(join(clientDir, url.replace(/^\//, '').split('?')[0]!));
}

function describeAsset(clientDir: string, url: string, depth: number): AssetFigure {
  const bytes = readAsset(clientDir, url);
  return { url, bytes: bytes.length, gzipBytes: gzipSize(bytes), depth };
}

/** Walks from index.html through static imports; each URL keeps the earliest round trip it is known in. */
function walkCritical(clientDir: string, html: string): Map<string, number> {
  const { scripts, preloads, styles } = findHtmlResources(html);
  const depthOf = new Map<string, number>();
  const queue: Array<[string, number]> = [...scripts, ...preloads, ...styles].filter((u) => !/^https?:/.test(u)).map((u) => [u, 2]);
  while (queue.length > 0) {
    const [url, depth] = queue.shift()!;
    const known = depthOf.get(url);
    if (known !== undefined && known <= depth) continue;
    depthOf.set(url, depth);
    const text = readAsset(clientDir, url).toString('utf8');
    const children = url.endsWith('.css') ? findCssImports(text) : findStaticImports(text);
    for (const child of children) {
      const childUrl = resolveUrl(url, child);
      // A child the HTML already names is fetched in parallel, not after its parent.
      queue.push([childUrl, depthOf.has(childUrl) ? Math.min(depthOf.get(childUrl)!, depth + 1) : depth + 1]);
    }
  }
  return depthOf;
}

function listJsFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(prefix, entry.name);
    if (entry.isDirectory()) return listJsFiles(dir, path);
    return entry.name.endsWith('.js') ? [`/${path}`] : [];
  });
}

/** Measures the built client in `clientDir` (default dist/client). */
export function measureBundle(clientDir: string): BundleFigures {
  const indexPath = join(clientDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`No existe ${indexPath}: ejecute \`npm run build\` primero.`);
  const html = readFileSync(indexPath, 'utf8');
  const depthOf = walkCritical(clientDir, html);
  const inline = findHtmlResources(html);
  // Inline code and styles cost their compressed share of the page, counted as their own gzip.
  const inlineGzip = (text: string) => (text === '' ? 0 : gzipSize(text));
  const critical = [...depthOf].map(([url, depth]) => describeAsset(clientDir, url, depth));
  const sum = (list: AssetFigure[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  const swUrl = '/sw.js';
  const lazy = listJsFiles(clientDir)
    .filter((url) => !depthOf.has(url) && url !== swUrl && !/^\/workbox-[\w-]+\.js$/.test(url))
    .map((url) => describeAsset(clientDir, url, 0));
  return {
    html: describeAsset(clientDir, '/index.html', 1),
    critical,
    criticalJsGzip: sum(critical.filter((a) => a.url.endsWith('.js'))) + inlineGzip(inline.inlineJs),
    criticalCssGzip: sum(critical.filter((a) => a.url.endsWith('.css'))) + inlineGzip(inline.inlineCss),
    lazy,
    serviceWorker: existsSync(join(clientDir, 'sw.js')) ? describeAsset(clientDir, swUrl, 0) : null,
    sequentialRequests: Math.max(1, ...critical.map((a) => a.depth)),
    firstScreenRequests: isDrawnByHtml(html) ? 1 : Math.max(1, ...critical.map((a) => a.depth)),
  };
}

/**
 * A lazy screen's own files: the JS chunk Vite names after its module (`national-screen-<hash>.js`)
 * and the CSS it brings (`national-screen-<hash>.css`). Shared chunks (Dexie, preact) are not
 * counted: they are the shared chunks' budget.
 */
export function measureScreenFiles(clientDir: string, moduleName: string): AssetFigure[] {
  const assets = join(clientDir, 'assets');
  return readdirSync(assets)
    .filter((name) => name.startsWith(`${moduleName}-`) && /\.(js|css)$/.test(name))
    .map((name) => describeAsset(clientDir, `/assets/${name}`, 0));
}

/** The chunk of the IndexedDB runtime (Dexie): every screen that reads the device loads it once. */
export const RUNTIME_CHUNK = /^\/assets\/dexie-[\w-]+\.js$/;

/** What one lazy route loads: its chunk and every chunk that chunk imports statically. */
export interface RouteJs {
  /** Those files, Dexie's among them when the route reads the device. */
  files: AssetFigure[];
  gzipBytes: number;
  /** The same without Dexie's chunk: #12 counts the runtime once, in a row of its own. */
  ownGzipBytes: number;
}

/**
 * The route whose chunk Vite names after its module (`reader-screen-<hash>.js`), with what it
 * imports statically, leaving out the files in `loaded` (the first screen's, say); undefined when
 * there is no such chunk.
 */
export function measureRouteJs(clientDir: string, moduleName: string, loaded: ReadonlySet<string>): RouteJs | undefined {
  const file = readdirSync(join(clientDir, 'assets')).find((name) => name.startsWith(`${moduleName}-`) && name.endsWith('.js'));
  if (!file) return undefined;
  const seen = new Set<string>();
  const queue = [`/assets/${file}`];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url) || loaded.has(url)) continue;
    seen.add(url);
    for (const child of findStaticImports(readAsset(clientDir, url).toString('utf8'))) queue.push(resolveUrl(url, child));
  }
  const files = [...seen].map((url) => describeAsset(clientDir, url, 0));
  const sum = (list: AssetFigure[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  return { files, gzipBytes: sum(files), ownGzipBytes: sum(files.filter((a) => !RUNTIME_CHUNK.test(a.url))) };
}

/** Bytes as KiB with one decimal, the way the budget is written. */
export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A small table of the figures, for the test log and the bench. */
export function formatBundleTable(figures: BundleFigures): string {
  const rows: string[][] = [['archivo', 'carga', 'bytes', 'gzip']];
  rows.push([figures.html.url, 'página (viaje 1)', String(figures.html.bytes), formatKiB(figures.html.gzipBytes)]);
  for (const a of figures.critical) rows.push([a.url, `inicial (viaje ${a.depth})`, String(a.bytes), formatKiB(a.gzipBytes)]);
  for (const a of figures.lazy) rows.push([a.url, 'diferida', String(a.bytes), formatKiB(a.gzipBytes)]);
  if (figures.serviceWorker) rows.push([figures.serviceWorker.url, 'service worker', String(figures.serviceWorker.bytes), formatKiB(figures.serviceWorker.gzipBytes)]);
  rows.push(['JS inicial total', `presupuesto ${formatKiB(BUDGET.criticalJsGzip)}`, '', formatKiB(figures.criticalJsGzip)]);
  rows.push(['CSS inicial total (en línea o no)', '', '', formatKiB(figures.criticalCssGzip)]);
  rows.push(['peticiones en serie hasta la primera pantalla', `presupuesto ${BUDGET.firstScreenRequests}`, '', String(figures.firstScreenRequests)]);
  rows.push(['peticiones en serie hasta que corre la app', `presupuesto ${BUDGET.sequentialRequests}`, '', String(figures.sequentialRequests)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
