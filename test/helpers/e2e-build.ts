/**
 * A "newer release" of the built client: either a copy of dist/client whose index.html carries a
 * marker and whose sw.js has new bytes and the new precache revision of index.html, exactly as
 * the next build would change them (fast); or a real second Vite build with its own build id.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A patched copy of a client build. */
export interface NewerClient {
  dir: string;
  /** The content of `<meta name="tinkuy-e2e-build">` in the new index.html. */
  marker: string;
  remove(): void;
}

/** Copies `clientDir` and changes it as a new release would; throws if sw.js does not precache index.html. */
export function makeNewerClient(clientDir: string, marker = `e2e-${Date.now()}`): NewerClient {
  const dir = mkdtempSync(join(tmpdir(), 'tinkuy-e2e-client-'));
  cpSync(clientDir, dir, { recursive: true });
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8').replace('</head>', `<meta name="tinkuy-e2e-build" content="${marker}"></head>`);
  writeFileSync(indexPath, html);
  const revision = createHash('md5').update(html).digest('hex');
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  // workbox-build writes the manifest as JSON: {"revision":"<md5>","url":"index.html"}.
  const pattern = /("revision":\s*")[0-9a-f]+("\s*,\s*"url":\s*"index\.html")/;
  if (!pattern.test(sw)) throw new Error('sw.js no precarga index.html con una revisión: no se puede simular una versión nueva.');
  writeFileSync(swPath, `${sw.replace(pattern, `$1${revision}$2`)}\n// ${marker}\n`);
  return { dir, marker, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A second real client build, in a temp folder: a new build id, new chunks, a new sw.js. */
export interface RebuiltClient {
  dir: string;
  remove(): void;
}

/**
 * Builds the client again from the current sources with Vite (about 10–30 s), as the next
 * release would be built: its build id (commit and time, src/shared/build.ts) is new.
 */
export async function rebuildClient(root: string): Promise<RebuiltClient> {
  const dir = mkdtempSync(join(tmpdir(), 'tinkuy-e2e-rebuilt-'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [vite, 'build', '--outDir', join(dir, 'client'), '--emptyOutDir', '--logLevel', 'error'], { cwd: root }, (error, _out, stderr) => {
      if (error) reject(new Error(`La segunda compilación falló: ${stderr || error.message}`));
      else resolve();
    });
  });
  return { dir: join(dir, 'client'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
