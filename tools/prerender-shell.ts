import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { SHELL_PAGES } from '../src/shared/shell-pages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_ROOT = '<div id="app"></div>';
const STYLESHEET = /<link rel="stylesheet"[^>]*href="\/(assets\/index-[\w-]+\.css)"[^>]*>/;

/**
 * One round trip to the first screen (#12): index.html carries the app's CSS in a <style> (the
 * server allows it by its hash, computed from the file: no 'unsafe-inline') and Inicio rendered
 * at build time; two more pages give deep links the frame without Inicio's content. The module
 * script stays external: lazy chunks import Preact from the main chunk's URL.
 */
export function prerenderShell(define: Record<string, string>): Plugin {
  return {
    name: 'tinkuy-prerender-shell',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle[SHELL_PAGES.home];
      if (page?.type !== 'asset') return this.error('prerender-shell: no index.html in the bundle');
      const html = String(page.source);
      const link = STYLESHEET.exec(html);
      const css = link ? bundle[link[1]!] : undefined;
      if (!link || css?.type !== 'asset') return this.error('prerender-shell: index.html names no stylesheet of its own');
      if (!html.includes(APP_ROOT)) return this.error(`prerender-shell: index.html has no ${APP_ROOT}`);
      // The rules ride in a <style>. The <link> stays, `disabled` (never fetched, never applied): a lazy
      // chunk that lists the entry's stylesheet among its dependencies finds it and does not fetch it.
      const marker = `<link rel="stylesheet" href="/${link[1]!}" disabled>`;
      const template = html.replace(link[0], () => `<style>${String(css.source).trim()}</style>${marker}`);
      const pages = await renderPages(define);
      const fill = (markup: string) => template.replace(APP_ROOT, () => `<div id="app">${markup}</div>`);
      page.source = fill(pages.home);
      this.emitFile({ type: 'asset', fileName: SHELL_PAGES.frame, source: fill(pages.frame) });
      this.emitFile({ type: 'asset', fileName: SHELL_PAGES.participant, source: fill(pages.participant) });
    },
  };
}

/** The markup of each page's #app (src/ui/shell-pages.tsx; typed here apart, the UI is not a Node project). */
type ShellPages = Record<keyof typeof SHELL_PAGES, string>;

/** Loads src/ui/shell-pages.tsx through Vite (TSX, `define`) in Node and renders the pages. */
async function renderPages(define: Record<string, string>): Promise<ShellPages> {
  const { module } = await runnerImport<{ renderShellPages(): ShellPages }>('/src/ui/shell-pages.tsx', {
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    define,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [skipStylesheets()],
  });
  return module.renderShellPages();
}

/** The components' `import './x.css'`: the styles are already in the page, the render needs none. */
function skipStylesheets(): Plugin {
  const STUB = '\0tinkuy-no-css';
  return {
    name: 'tinkuy-prerender-no-css',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('.css') ? STUB : null),
    load: (id) => (id === STUB ? 'export {};' : null),
  };
}
