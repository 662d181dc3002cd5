/**
 * Vite plugin: compiles the catalogue when a build starts, fails the build listing every fault
 * as `file:line: message`, emits `catalogue.json` next to the bundle, and rebuilds when a
 * content file changes. In `vite dev` it serves `/catalogue.json` compiled on each request.
 */
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkCatalogue } from './compile-catalogue';
import { formatFault } from './faults';

/** Options: the folder holding `entries/` and `templates/`. */
export interface CatalogueContentOptions {
  contentDir: string;
}

/** The file name of the compiled catalogue in the build output. */
export const CATALOGUE_FILE = 'catalogue.json';

/** Builds `catalogue.json` from the content folder as part of a Vite build. */
export function catalogueContent(options: CatalogueContentOptions): Plugin {
  const contentDir = resolve(options.contentDir);
  let isBuild = true;
  let json = '';
  return {
    name: 'tinkuy-catalogue-content',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    buildStart() {
      const result = checkCatalogue(contentDir);
      // Watch the folders too, so a new entry file triggers a rebuild in `vite build --watch`.
      for (const path of [join(contentDir, 'entries'), join(contentDir, 'templates'), ...result.files]) this.addWatchFile(path);
      if (!result.catalogue) {
        this.error(`El catálogo tiene ${result.faults.length} error(es):\n${result.faults.map(formatFault).join('\n')}`);
      }
      json = JSON.stringify(result.catalogue);
    },
    // Emitted last: Vite drops every asset of an SSR build in its own generateBundle, and the
    // server build is exactly where `catalogue.json` must land.
    generateBundle: {
      order: 'post',
      handler() {
        if (isBuild && json) this.emitFile({ type: 'asset', fileName: CATALOGUE_FILE, source: json });
      },
    },
    configureServer(server) {
      server.middlewares.use(`/${CATALOGUE_FILE}`, (_req, res) => {
        const result = checkCatalogue(contentDir);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.statusCode = result.catalogue ? 200 : 500;
        res.end(JSON.stringify(result.catalogue ?? { faults: result.faults.map(formatFault) }));
      });
    },
  };
}
