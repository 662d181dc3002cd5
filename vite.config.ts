import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { catalogueContent } from './src/content/compiler/vite-plugin';
import { BUILD_FILE, makeBuildInfo } from './src/content/compiler/build-info';
import { prerenderShell } from './tools/prerender-shell';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
/** This build's identity (commit or source hash, and time): «Acerca de» and /api/health show it. */
const build = makeBuildInfo(fileURLToPath(new URL('.', import.meta.url)));

/** Writes build.json beside index.html, where the server reads which build it serves. */
function buildInfoFile(): Plugin {
  return {
    name: 'tinkuy-build-info',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_FILE, source: `${JSON.stringify(build)}\n` });
    },
  };
}

/** The web app manifest: what Chromium needs to offer "Instalar Tinkuy". */
const manifest = {
  name: 'Tinkuy — eventos culturales de la RED',
  short_name: 'Tinkuy',
  description: 'Guías, listas de verificación, eventos y talleres de la RED, también sin conexión.',
  lang: 'es-PE',
  dir: 'ltr' as const,
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  orientation: 'portrait' as const,
  theme_color: '#8a2c0d',
  background_color: '#fffaf3',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** The server: one Node bundle per entry point; node_modules stay external. */
const serverBuild = {
  ssr: true,
  outDir: 'dist/server',
  emptyOutDir: true,
  copyPublicDir: false,
  target: 'node20',
  sourcemap: true,
  rollupOptions: {
    input: {
      main: 'src/server/main.ts',
      users: 'src/server/cli/users.ts',
      'import-places': 'src/server/cli/import-places.ts',
    },
    output: { format: 'es' as const, entryFileNames: '[name].js' },
  },
};

/**
 * The device's storage and sync code (src/db, src/sync) and the shared rules it applies, lazy
 * everywhere, in one chunk. What the main chunk imports stays out (door-prefetch, the error words,
 * the strings): a module of this group in the main chunk would make the whole group critical.
 */
function isDeviceRuntime(id: string): boolean {
  if (/door-prefetch|[\\/]shared[\\/](errors|build|door-page)\.ts|[\\/]shared[\\/]i18n[\\/]/.test(id)) return false;
  return /[\\/]src[\\/](db|sync|shared)[\\/]|[\\/]src[\\/]state[\\/]live-signal|[\\/]node_modules[\\/]valibot[\\/]/.test(id);
}

/**
 * What a catalogue screen reads on the device (#12): the two databases, the catalogue's and the
 * reader's stores, the live queries, and the shared links and error words those screens use (the
 * dates are the `dates` chunk's, beside it: a participant's door draws them without the store).
 * A chunk of its own, taken before the device group, so the catalogue's routes load neither the sync
 * engine nor the schemas (valibot), photos or attendance code (they were 34–37 KiB with Dexie
 * counted once; test/budget holds them ≤ 30). Every other device reader, the sync included, loads
 * it beside the device chunk in the same round trip; the error words, their own chunk before, ride
 * here, so no screen makes one request more. Keep this list to what those screens import.
 */
function isDeviceStore(id: string): boolean {
  return /[\\/]src[\\/](db[\\/](connection|catalogue-db|user-db|storage-errors|live-query|attendance-keys|entries-store|checklist-templates-store|catalogue-meta-store|search-index-store|favourites-store|reading-progress-store|recents-store)|state[\\/]live-signal|shared[\\/](errors|person-keys|fold-text|safe-link|catalogue[\\/]valor-text))\.ts$/.test(id);
}

/**
 * What a participant's door draws before it offers the check-in (#12): one chunk, one request,
 * with the strings it shows; no Dexie, no schemas (its memory, src/state/participant-model,
 * loads with the device chunk after the offer).
 */
function isDoorScreen(id: string): boolean {
  return /[\\/]src[\\/](ui[\\/]participant[\\/](participant-screen|participant-notes)|state[\\/](door-lookup|refusal-model)|ui[\\/]workshops[\\/]format|shared[\\/]i18n[\\/](participant|workshops|es-pe[\\/](participant|workshops)))\./.test(id);
}

/**
 * Dates in Lima's words and the participants' window: pure, tiny, drawn by the door and by many
 * screens. Their own chunk, taken before the store group, so the door does not load the store
 * (and Dexie) for them; the screens that load the store get it in the same round trip.
 */
const isDates = /[\\/]src[\\/]shared[\\/](calendar[\\/]lima-dates|workshop-window)\.ts$/;

/**
 * The participant's two forms and what only they and the staff's attendance screen use (#12): one
 * chunk after the tap instead of seven. Split by who imports them, a form tapped at once on Slow
 * 3G waited for three waves of six requests. It imports the door's chunk (strings, notes), which
 * the attendance screen loaded already; the event and checklist forms do not load it.
 */
function isParticipantForm(id: string): boolean {
  return /[\\/]src[\\/](ui[\\/]participant[\\/](participant-forms|participant-check-in|send-state)|ui[\\/]workshops[\\/](attendance-fields|feedback-form)|state[\\/](feedback-model|feedback-form-model|attendance-model|attendance-report-model|attendance-form-model|entity-suggest-model))\.tsx?$/.test(id);
}

/** The form parts every form draws (fields, notices, the place picker's model, drafts): one chunk for all of them. */
function isFormPart(id: string): boolean {
  // The fields' CSS and the strings' wrapper too: left out, each made a chunk of its own (one request more).
  return /[\\/]src[\\/](ui[\\/]forms[\\/](aria|field|notice|select|use-draft-form)|state[\\/](session-draft|place-picker-model|districts-model)|shared[\\/]i18n[\\/](es-pe[\\/])?forms)\.tsx?$|[\\/]src[\\/]ui[\\/]forms[\\/][\w-]+\.css$/.test(id);
}

/** The door's memory (src/state/participant-model, workshop-model) reads the device's storage: it rides with it. */
function isDeviceRuntimeOrDoorMemory(id: string): boolean {
  return isDeviceRuntime(id) || /[\\/]src[\\/]state[\\/](participant-model|workshop-model)\.ts$/.test(id);
}

/**
 * Fewer, larger lazy chunks (#12): on Slow 3G over HTTP/1.1 a browser opens six connections and
 * every request waits 2 s for its answer, so twenty 1 KiB chunks cost four round trips where two
 * chunks cost one. Dexie stays its own chunk (the runtime's, 28.7 KiB); the device's storage and
 * sync modules form one more.
 */
const clientChunks = {
  groups: [
    { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]/, priority: 3 },
    { name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/](dist|hooks|jsx-runtime)[\\/]/, priority: 4 },
    { name: 'dates', test: isDates, priority: 2.7, includeDependenciesRecursively: false },
    { name: 'store', test: isDeviceStore, priority: 2.5, includeDependenciesRecursively: false },
    { name: 'device', test: isDeviceRuntimeOrDoorMemory, priority: 2, includeDependenciesRecursively: false },
    { name: 'door', test: isDoorScreen, priority: 1, includeDependenciesRecursively: false },
    { name: 'participant-forms', test: isParticipantForm, priority: 0.5, includeDependenciesRecursively: false },
    { name: 'form-parts', test: isFormPart, priority: 0.4, includeDependenciesRecursively: false },
  ],
};

/** Constants the client code reads (its version and build); the prerender needs the same. */
const define = { __APP_VERSION__: JSON.stringify(pkg.version), __BUILD__: JSON.stringify(build) };

export default defineConfig(({ isSsrBuild }) => ({
  // Dexie's ESM build: 28.7 KiB gzip, a lazy chunk under 30 KiB (its UMD default is 30.2).
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  define,
  plugins: isSsrBuild
    ? // The server loads the compiled catalogue from dist/server/catalogue.json; a bad entry fails here.
      [catalogueContent({ contentDir: 'src/content' })]
    : [
        preact(),
        buildInfoFile(),
        prerenderShell(define),
        VitePWA({
          strategies: 'injectManifest',
          srcDir: 'src/sw',
          filename: 'sw.ts',
          registerType: 'prompt',
          injectRegister: false,
          // The png glob below already precaches the icons; listing them again would cache them twice.
          includeManifestIcons: false,
          manifest,
          injectManifest: {
            globPatterns: ['**/*.{js,css,html,svg,png,ico,txt}'],
            maximumFileSizeToCacheInBytes: 1024 * 1024,
          },
          devOptions: { enabled: false },
        }),
      ],
  build: isSsrBuild
    ? serverBuild
    : // manifest: the server names a participant's door's chunks in its page (src/server/http/door-page.ts).
      { outDir: 'dist/client', emptyOutDir: true, target: 'es2022', sourcemap: false, assetsInlineLimit: 0, manifest: true, rollupOptions: { output: { codeSplitting: clientChunks } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/lint/**/*.test.ts'],
          setupFiles: ['test/setup/i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/setup/component.ts'],
          // jsdom tests that walk a whole form pass 5 s when the machine is busy; a real hang still fails.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          setupFiles: ['test/setup/i18n.ts'],
          include: ['test/server/**/*.test.ts', 'test/sim/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // The PostgreSQL suites share one database; run files one at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          setupFiles: ['test/setup/i18n.ts'],
          include: ['test/e2e/**/*.test.ts', 'test/budget/**/*.test.ts'],
          // Looks for Chromium once: one loud line and a skip when missing, a failure when CI=true.
          globalSetup: ['test/helpers/e2e-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // `npm run bench` only (npm test names its projects): figures, never timed assertions.
          name: 'bench',
          environment: 'node',
          setupFiles: ['test/setup/i18n.ts'],
          include: ['test/bench/run-bench.test.ts'],
          globalSetup: ['test/helpers/e2e-global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
