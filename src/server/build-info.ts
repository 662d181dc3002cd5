/**
 * Which build of the app this server serves: the `build.json` the client build wrote beside
 * index.html (src/content/compiler/build-info.ts), so `/api/health` reports the id «Acerca de» shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_FILE } from '../content/compiler/build-info';
import type { BuildInfo } from '../shared/build';

/** The build of the app in `clientDir` (its build.json), or undefined when there is none or it is unreadable. */
export function readServedBuild(clientDir: string): BuildInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(clientDir, BUILD_FILE), 'utf8')) as Partial<BuildInfo>;
    return typeof info.id === 'string' && typeof info.commit === 'string' && typeof info.builtAt === 'string'
      ? { id: info.id, commit: info.commit, builtAt: info.builtAt }
      : undefined;
  } catch {
    return undefined;
  }
}
