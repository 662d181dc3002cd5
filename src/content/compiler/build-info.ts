/**
 * The build identifier (src/shared/build.ts), made by vite.config.ts when it builds: written into
 * the code and into `build.json` beside index.html, where the server reads which build it serves
 * (src/server/build-info.ts), so `/api/health` reports the same id the phones show in «Acerca de».
 * Build-time Node code, like the catalogue compiler beside it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBuildId, type BuildInfo } from '../../shared/build';

/** The file the client build writes beside index.html. */
export const BUILD_FILE = 'build.json';

// The short hash of HEAD, or undefined where there is no git (a tarball, a CI cache).
function readCommit(root: string): string | undefined {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{7,}$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}

// Every file under `dir`, sorted, so the same sources always give the same hash.
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** A hash of what the build is made from (src/, public/, index.html, the lock file): 8 hex digits. */
export function hashSources(root: string): string {
  const hash = createHash('sha256');
  const files = [...listFiles(join(root, 'src')), ...listFiles(join(root, 'public')), join(root, 'index.html'), join(root, 'package-lock.json')];
  for (const file of files.filter((f) => existsSync(f))) {
    hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

/** The identity of a build made now from `root`: git's commit, or `fuente-<hash>` of the sources. */
export function makeBuildInfo(root: string, now: Date = new Date(), readGitCommit: (root: string) => string | undefined = readCommit): BuildInfo {
  const commit = readGitCommit(root) ?? `fuente-${hashSources(root)}`;
  const builtAt = now.toISOString();
  return { id: makeBuildId(commit, builtAt), commit, builtAt };
}
