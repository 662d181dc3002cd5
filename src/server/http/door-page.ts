/**
 * A participant's door (`/t/<CÓDIGO>[/…]`, #12) as one page that names everything its first
 * screen needs: index.html plus `<link rel="modulepreload">`/stylesheets for the door screen's
 * chunks (from Vite's manifest) and the workshop's public answer inlined as a JSON data block.
 * On Slow 3G (2 s per request) every request then starts right after the HTML instead of
 * waiting for the main chunk to discover it. An unknown code gets plain index.html, as does
 * every other path; the service worker's precached index.html (repeat and offline visits) has
 * none of this and the app asks for the workshop itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { DOOR_DATA_ID } from '../../shared/door-page';
import { SHELL_PAGES } from '../../shared/shell-pages';
import type { WorkshopByCodeResponse } from '../../shared/protocol';
import { WorkshopCode } from '../../shared/schemas/workshop';

/**
 * The chunk of the screen the app loads lazily for `/t/*` (src/ui/app.tsx): vite.config.ts groups
 * it as `door` (the manifest keys a group by file, so it is found by name); the module's own key
 * when it is not grouped. It and its static imports ride in the door's page.
 */
export const DOOR_CHUNK_NAME = 'door';
export const DOOR_SCREEN_MODULE = 'src/ui/participant/participant-screen.tsx';
/** Where `build.manifest` puts Vite's manifest, inside the client build. */
export const VITE_MANIFEST = join('.vite', 'manifest.json');

/** One chunk in Vite's manifest (only what the door reads). */
interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** The door screen's chunk, its static imports (recursively) and their CSS, minus what index.html already loads. */
export function listDoorAssets(manifest: Manifest, indexHtml: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || seen.has(key)) return; // the entry is index.html's own script
    seen.add(key);
    scripts.push(`/${chunk.file}`);
    styles.push(...(chunk.css ?? []).map((file) => `/${file}`));
    chunk.imports?.forEach(visit);
  };
  visit(Object.keys(manifest).find((key) => manifest[key]!.name === DOOR_CHUNK_NAME && !manifest[key]!.isEntry) ?? DOOR_SCREEN_MODULE);
  const isNew = (href: string) => !indexHtml.includes(`"${href}"`);
  return { scripts: scripts.filter(isNew), styles: [...new Set(styles)].filter(isNew) };
}

/** JSON safe inside a `<script>` data block: no `<`, `>` or `&` can end it or open a comment. */
export function escapeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** index.html with the door's links and its workshop's answer written at the end of `<head>`. */
export function writeDoorPage(indexHtml: string, assets: { scripts: string[]; styles: string[] }, answer: WorkshopByCodeResponse): string {
  const links = [
    ...assets.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...assets.styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
  ];
  const data = `<script type="application/json" id="${DOOR_DATA_ID}">${escapeJsonForHtml(answer)}</script>`;
  return indexHtml.replace('</head>', () => `${links.join('')}${data}</head>`);
}

/** The workshop code of a door's path (`/t/abc234/asistencia?x` → `ABC234`), or undefined when it cannot be one. */
export function readDoorPathCode(url: string): string | undefined {
  const raw = /^\/t\/([^/?#]+)/.exec(url)?.[1];
  if (!raw) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(WorkshopCode, decoded);
  return parsed.success ? parsed.output : undefined;
}

/**
 * Builds door pages from the client build in `clientDir`; re-reads it when its page changes (a new
 * build). The page is the participant's prerendered frame (no staff nav, no Inicio: #12's one
 * round trip), or index.html in a build without it.
 */
export function createDoorPages(clientDir: string, findWorkshop: (code: string) => Promise<WorkshopByCodeResponse | undefined>) {
  let cached: { mtimeMs: number; indexHtml: string; assets: { scripts: string[]; styles: string[] } } | undefined;
  const load = () => {
    const participantPath = join(clientDir, SHELL_PAGES.participant);
    const indexPath = existsSync(participantPath) ? participantPath : join(clientDir, SHELL_PAGES.home);
    const { mtimeMs } = statSync(indexPath);
    if (cached?.mtimeMs !== mtimeMs) {
      const indexHtml = readFileSync(indexPath, 'utf8');
      let manifest: Manifest = {};
      try {
        manifest = JSON.parse(readFileSync(join(clientDir, VITE_MANIFEST), 'utf8')) as Manifest;
      } catch {
        // A build without a manifest: the page still carries the workshop, the app loads its chunks itself.
      }
      cached = { mtimeMs, indexHtml, assets: listDoorAssets(manifest, indexHtml) };
    }
    return cached;
  };
  return {
    /** The door page for `url`, or undefined when it is no door or its code names no live workshop. */
    async render(url: string): Promise<string | undefined> {
      const code = readDoorPathCode(url);
      if (!code) return undefined;
      const answer = await findWorkshop(code);
      if (!answer) return undefined;
      const { indexHtml, assets } = load();
      return writeDoorPage(indexHtml, assets, answer);
    },
  };
}

export type DoorPages = ReturnType<typeof createDoorPages>;
