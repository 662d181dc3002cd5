/**
 * A participant's door page (#12): `/t/<CÓDIGO>[/…]` opened in a browser gets index.html plus the
 * door screen's chunks named for preloading (from Vite's manifest) and the workshop's public
 * answer as an escaped JSON data block; an unknown or malformed code, and every other deep
 * link, get plain index.html. Same CSP and Cache-Control as any page. Both engines. On the real
 * build: the door's page makes at most six requests after the HTML (a seventh costs one more
 * Slow 3G round trip, 2 s).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOOR_DATA_ID } from '../../../src/shared/door-page';
import type { WorkshopByCodeResponse } from '../../../src/shared/protocol';
import { listDoorAssets, VITE_MANIFEST } from '../../../src/server/http/door-page';
import { SHELL_PAGES } from '../../../src/shared/shell-pages';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { pullAll } from '../../helpers/pull';

/** A built index.html as Vite writes it: the entry, its one preloaded import, its CSS. */
const INDEX_HTML = [
  '<!doctype html><html lang="es-PE"><head><meta charset="utf-8" /><title>Tinkuy</title>',
  '<script type="module" crossorigin src="/assets/index-Main1.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/hooks-Hook1.js">',
  '<link rel="stylesheet" crossorigin href="/assets/index-Main1.css">',
  '</head><body><div id="app"></div></body></html>',
].join('\n');

/** Vite's manifest for that build: the door's group chunk imports the entry, hooks, the strings and the runtime. */
const MANIFEST = {
  'index.html': { file: 'assets/index-Main1.js', name: 'index', src: 'index.html', isEntry: true, imports: ['_hooks-Hook1.js'], css: ['assets/index-Main1.css'], dynamicImports: ['_door-Door1.js', 'src/ui/more/more-screen.tsx'] },
  '_hooks-Hook1.js': { file: 'assets/hooks-Hook1.js', name: 'hooks' },
  '_door-Door1.js': { file: 'assets/door-Door1.js', name: 'door', imports: ['index.html', '_hooks-Hook1.js', '_strings-Str1.js'], css: ['assets/workshops-Ws1.css'], dynamicImports: ['src/ui/participant/participant-forms.tsx'] },
  '_strings-Str1.js': { file: 'assets/strings-Str1.js', name: 'strings', imports: ['index.html', '_rolldown-runtime-Rt1.js'] },
  '_rolldown-runtime-Rt1.js': { file: 'assets/rolldown-runtime-Rt1.js', name: 'rolldown-runtime' },
  'src/ui/participant/participant-forms.tsx': { file: 'assets/participant-forms-Forms1.js', isDynamicEntry: true, imports: ['_door-Door1.js'] },
  'src/ui/more/more-screen.tsx': { file: 'assets/more-screen-More1.js', isDynamicEntry: true, imports: ['index.html'] },
};

function makeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinkuy-door-client-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, VITE_MANIFEST), JSON.stringify(MANIFEST));
  return dir;
}

/** The JSON data block of a page, or undefined. */
function readDataBlock(html: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${DOOR_DATA_ID}">([\\s\\S]*?)</script>`).exec(html)?.[1];
}

describe.each(ENGINES)('a participant door page on %s', (engine) => {
  let server: TestServer;
  let clientDir: string;
  let workshop: { id: string; code: string };
  beforeAll(async () => {
    clientDir = makeClientDir();
    server = await startTestServer(engine, { clientDir });
    const pulled = (await pullAll(server, undefined, 'catalogue')).changes.find((c) => c.table === 'workshops' && c.row)!;
    workshop = { id: pulled.id, code: (pulled.row as { code: string }).code };
  });
  afterAll(async () => {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  const open = (url: string) => server.app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });

  it('names the door chunk and its imports not already in index.html, and carries the answer the API gives', async () => {
    const res = await open(`/t/${workshop.code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const links = [...res.body.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(links).toEqual([
      'modulepreload /assets/hooks-Hook1.js',
      'stylesheet /assets/index-Main1.css',
      'modulepreload /assets/door-Door1.js',
      'modulepreload /assets/strings-Str1.js',
      'modulepreload /assets/rolldown-runtime-Rt1.js',
      'stylesheet /assets/workshops-Ws1.css',
    ]);
    expect(res.body).not.toContain('participant-forms'); // the forms come after the check-in is offered
    const api = await server.app.inject({ method: 'GET', url: `/api/workshops/by-code/${workshop.code}` });
    expect(JSON.parse(readDataBlock(res.body)!)).toEqual(api.json<WorkshopByCodeResponse>());
    expect(res.body.indexOf(DOOR_DATA_ID)).toBeLessThan(res.body.indexOf('</head>'));
  });

  it('a door sub-path (the check-in form) gets the same page', async () => {
    const res = await open(`/t/${workshop.code}/asistencia`);
    expect(readDataBlock(res.body)).toBeDefined();
    expect(res.body).toContain('/assets/door-Door1.js');
  });

  it('keeps the CSP and the Cache-Control of any page', async () => {
    const [door, plain] = await Promise.all([open(`/t/${workshop.code}`), open('/eventos')]);
    expect(door.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
    expect(door.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(door.headers['cache-control']).toBe('no-cache');
  });

  it('escapes what could end the data block or open a comment in a workshop\'s text', async () => {
    const stored = await server.store.db.selectFrom('workshops').select('data').where('id', '=', workshop.id).executeTakeFirstOrThrow();
    const title = 'Taller </script><script>alert(1)</script> <!-- & fin\u2028';
    const data = { ...(JSON.parse(String(stored.data)) as object), title };
    await server.store.db.updateTable('workshops').set({ data: JSON.stringify(data) }).where('id', '=', workshop.id).execute();
    const res = await open(`/t/${workshop.code}`);
    const block = readDataBlock(res.body)!;
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect((JSON.parse(block) as WorkshopByCodeResponse).change.row).toMatchObject({ title });
    expect(res.body.match(/<script\b/g)).toHaveLength(2); // the entry and the data block, nothing injected
  });

  it('an unknown, malformed or removed code, and any other path, get plain index.html', async () => {
    for (const url of ['/t/ZZZZZ9', '/t/abc', '/t/AB%20CD', '/t/', '/eventos/0193-abc']) {
      const res = await open(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX_HTML);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    await server.store.db.updateTable('workshops').set({ deleted: 1 }).where('id', '=', workshop.id).execute();
    expect((await open(`/t/${workshop.code}`)).body).toBe(INDEX_HTML);
  });

  it('does not serve the build\'s manifest', async () => {
    expect((await server.app.inject({ method: 'GET', url: `/${VITE_MANIFEST}` })).statusCode).toBe(404);
  });
});

const BUILT = join(process.cwd(), 'dist', 'client');

describe('the real build\'s door assets', () => {
  // `npm test` builds first; a bare server run without a build has nothing to check.
  const hasBuild = existsSync(join(BUILT, VITE_MANIFEST)) && existsSync(join(BUILT, SHELL_PAGES.participant));
  const read = () => {
    const page = readFileSync(join(BUILT, SHELL_PAGES.participant), 'utf8');
    return { page, assets: listDoorAssets(JSON.parse(readFileSync(join(BUILT, VITE_MANIFEST), 'utf8')), page) };
  };

  it.skipIf(!hasBuild)('name the door chunk and never what its page loads already', () => {
    const { page, assets } = read();
    expect(assets.scripts.some((href) => /^\/assets\/door-[\w-]+\.js$/.test(href))).toBe(true);
    for (const href of [...assets.scripts, ...assets.styles]) {
      expect(page).not.toContain(`"${href}"`);
      expect(existsSync(join(BUILT, href))).toBe(true);
    }
  });

  it.skipIf(!hasBuild)('make at most six requests after the HTML, one Slow 3G round trip over HTTP/1.1\'s six connections', () => {
    const { page, assets } = read();
    // What the page itself fetches at once: its module script, its preloads, stylesheets not disabled (icons and manifest come later, unthrottled by the offer).
    const own = [...page.matchAll(/<(script\b[^>]*\bsrc=|link\b[^>]*rel="(modulepreload|stylesheet)")[^>]*>/g)].filter((m) => !/\bdisabled\b/.test(m[0]));
    const files = [...own.map((m) => m[0]), ...assets.scripts, ...assets.styles];
    expect(files.length, files.join('\n')).toBeLessThanOrEqual(6);
  });
});
