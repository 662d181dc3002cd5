import { describe, expect, it } from 'vitest';
import { checkSource, checkTree, findImports, formatViolation, REPO_ROOT } from './import-rules';

describe('imports flow one way', () => {
  it('no file under src breaks the one-way import rule', () => {
    const violations = checkTree(REPO_ROOT);
    if (violations.length > 0) console.error(`Importaciones prohibidas:\n${violations.map(formatViolation).join('\n')}`);
    expect(violations.map(formatViolation)).toEqual([]);
  });
});

describe('the import lint itself', () => {
  it('finds static, re-export, side-effect, type and dynamic imports with their lines', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export * from './c';",
      "import './d.css';",
      'const e = await import("./e");',
      'import {',
      '  f,',
      "} from './f';",
      "type G = typeof import('./g');",
    ].join('\n');
    expect(findImports(source)).toEqual([
      { specifier: './a', line: 1 },
      { specifier: '../b', line: 2 },
      { specifier: './c', line: 3 },
      { specifier: './d.css', line: 4 },
      { specifier: './e', line: 5 },
      { specifier: './f', line: 8 },
      { specifier: './g', line: 9 },
    ]);
  });

  it('ignores imports inside comments but keeps line numbers right', () => {
    const source = "// import { x } from '../db/x';\n/* import('../sync/y')\n */\nimport { z } from '../db/z';";
    expect(findImports(source)).toEqual([{ specifier: '../db/z', line: 4 }]);
  });

  const forbidden: Array<[file: string, line: string, rule: RegExp]> = [
    ['src/ui/events/event-list.tsx', "import { db } from '../../db/user-db';", /src\/ui never imports src\/db/],
    ['src/ui/app.tsx', "const m = await import('../sync/drain');", /src\/ui never imports src\/sync/],
    ['src/ui/app.tsx', "export { x } from '../sw/sw';", /src\/ui never imports src\/sw/],
    ['src/state/event-model.ts', "import { Button } from '../ui/button';", /src\/state never imports src\/ui/],
    ['src/db/user-db.ts', "import { pending } from '../state/sync-model';", /src\/db never imports src\/state/],
    ['src/sync/drain.ts', "import type { Props } from '../ui/app';", /src\/sync never imports src\/ui/],
    ['src/shared/hlc.ts', "import { db } from '../db/user-db';", /src\/shared imports nothing outside src\/shared/],
    ['src/shared/hlc.ts', "import { randomUUID } from 'node:crypto';", /no Node APIs/],
    ['src/shared/places.ts', "import Dexie from 'dexie';", /runtime-bound/],
    ['src/sw/sw.ts', "import { signal } from '../state/sync-model';", /src\/sw imports only/],
    ['src/sw/sw.ts', "import Dexie from 'dexie';", /only workbox packages/],
    ['src/main.tsx', "import { config } from './server/config';", /nothing outside src\/server imports src\/server/],
    ['src/sync/transport.ts', "import type { Push } from '../server/sync/push';", /nothing outside src\/server/],
    ['src/server/main.ts', "import { t } from '../ui/text';", /src\/server never imports browser code/],
    ['src/server/routes/sync.ts', "import { drain } from '../../sync/drain';", /src\/server never imports browser code/],
    ['src/db/user-db.ts', "import { readFileSync } from 'node:fs';", /browser code uses no Node APIs/],
    ['src/ui/catalogue/home.tsx', "import { compileEntry } from '../../content/compiler/compile-entry';", /only src\/server and vite.config.ts import src\/content/],
    ['src/state/catalogue-model.ts', "const c = await import('../content/compiler/compile-catalogue');", /only src\/server and vite.config.ts import src\/content/],
    ['src/shared/catalogue/entry.ts', "import { parse } from '../../content/compiler/markdown-blocks';", /only src\/server and vite.config.ts/],
    ['src/content/compiler/compile-entry.ts', "import type { AuthUser } from '../../server/auth/sessions';", /src\/content imports only src\/shared/],
    ['src/content/compiler/compile-entry.ts', "import { getDatabases } from '../../db/connection';", /src\/content imports only src\/shared/],
    ['src/ui/app.tsx', "import { liveQuery } from 'dexie';", /only src\/db and src\/sync import dexie/],
    ['src/state/search-model.ts', "import { liveQuery } from 'dexie';", /only src\/db and src\/sync import dexie/],
    ['src/db/live-query.ts', "import { signal } from '@preact/signals';", /only src\/state and src\/ui import @preact\/signals/],
    ['src/sync/scheduler.ts', "import { effect } from '@preact/signals';", /only src\/state and src\/ui/],
    ['src/server/store/seed.ts', "import { writeJson } from '../sync/handlers/rows';", /src\/server\/store imports no src\/server\/sync/],
    ['src/server/store/migrate.ts', "import { app } from '../routes/sync';", /src\/server\/store imports no src\/server\/routes/],
    ['src/server/store/schema.ts', "import type { WorkshopFields } from '../workshops/workshop-store';", /src\/server\/store imports no src\/server\/workshops/],
    ['src/other.ts', "import { compileCatalogue } from './content/compiler/compile-catalogue';", /only src\/server and vite.config.ts/],
  ];

  it.each(forbidden)('reports %s importing `%s`', (file, line, rule) => {
    const source = `// header\n${line}\n`;
    const violations = checkSource(file, source);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.line).toBe(2);
    expect(violations[0]!.reason).toMatch(rule);
    expect(formatViolation(violations[0]!)).toContain(`${file}:2`);
  });

  const allowed: Array<[file: string, line: string]> = [
    ['src/ui/events/event-list.tsx', "import { events } from '../../state/event-model';"],
    ['src/ui/app.tsx', "import { t } from '../shared/i18n';"],
    ['src/ui/app.tsx', "import { useSignal } from '@preact/signals';"],
    ['src/state/event-model.ts', "import { saveEvent } from '../db/event-store';"],
    ['src/state/sync-model.ts', "import { drainOutbox } from '../sync/drain';"],
    ['src/sync/drain.ts', "import { userDb } from '../db/user-db';"],
    ['src/sw/sw.ts', "import { drainFromServiceWorker } from '../sync/sw-entry';"],
    ['src/sw/sw.ts', "import { precacheAndRoute } from 'workbox-precaching';"],
    ['src/shared/mutations.ts', "import * as v from 'valibot';"],
    ['src/server/main.ts', "import { PushRequest } from '../shared/protocol';"],
    ['src/server/store/db.ts', "import { readFileSync } from 'node:fs';"],
    ['src/main.tsx', "import { App } from './ui/app';"],
    ['src/db/user-db.test.ts', "import { readFileSync } from 'node:fs';"],
    ['src/server/catalogue/load-catalogue.ts', "import { compileCatalogue } from '../../content/compiler/compile-catalogue';"],
    ['vite.config.ts', "import { catalogueContent } from './src/content/compiler/vite-plugin';"],
    ['src/content/compiler/compile-entry.ts', "import { Entry } from '../../shared/catalogue/entry';"],
    ['src/content/compiler/compile-catalogue.ts', "import { readFileSync } from 'node:fs';"],
    ['src/db/live-query.ts', "import { liveQuery } from 'dexie';"],
    ['src/sync/sync-service.ts', "import { liveQuery } from 'dexie';"],
    ['src/state/sync-model.ts', "const d = await import('dexie');"],
    ['src/state/live-signal.ts', "import { signal } from '@preact/signals';"],
    ['src/server/store/db.ts', "import { loadConfig } from '../config';"],
    ['src/server/workshops/seed.ts', "import { writeJson } from '../store/json';"],
  ];

  it.each(allowed)('allows %s importing `%s`', (file, line) => {
    expect(checkSource(file, line)).toEqual([]);
  });
});
