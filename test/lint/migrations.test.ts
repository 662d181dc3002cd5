/**
 * Migration names (the rule the last two were named by, now checked). Kysely runs migrations
 * sorted as plain strings, and refuses to start on a database where a new name sorts before one
 * it already applied. So a new migration's name must sort after the last: take the last one's
 * number and add one (`9991-…` → `9992-…`; after `9999-…` comes `99990-…`). A "round" name such as
 * `1000-…` looks later but sorts before `9991-…`, and applied names can never be renamed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/migrations/index';
import { REPO_ROOT } from './import-rules';

const DIR = join(REPO_ROOT, 'src', 'server', 'store', 'migrations');
/** Files of the folder that are not migrations. */
const NOT_MIGRATIONS = new Set(['index.ts', 'tables.ts']);

/** Where `names` breaks the order Kysely runs them in: `'1000-x' after '9991-y'` for each. */
function findOutOfOrder(names: readonly string[]): string[] {
  return names.flatMap((name, i) => (i > 0 && !(names[i - 1]! < name) ? [`'${name}' after '${names[i - 1]}'`] : []));
}

describe('migration names', () => {
  const names = Object.keys(MIGRATIONS);

  it('are listed in the order Kysely runs them (plain string order), with no name twice', () => {
    expect(findOutOfOrder(names)).toEqual([]);
  });

  it('the check catches a round number put last, and a name given twice', () => {
    expect(findOutOfOrder(['990-a', '9991-b', '1000-c'])).toEqual(["'1000-c' after '9991-b'"]);
    expect(findOutOfOrder(['990-a', '990-a'])).toEqual(["'990-a' after '990-a'"]);
  });

  it('every file of the folder is listed, under its own file name', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.ts') && !NOT_MIGRATIONS.has(file)).map((file) => file.replace(/\.ts$/, ''));
    expect([...names].sort()).toEqual(files.sort());
    const index = readFileSync(join(DIR, 'index.ts'), 'utf8');
    const fileOf = new Map([...index.matchAll(/import \* as (\w+) from '\.\/([^']+)';/g)].map((m) => [m[1]!, m[2]!]));
    const listed = [...index.matchAll(/^ {2}'([^']+)': (\w+),$/gm)].map((m) => ({ name: m[1]!, file: fileOf.get(m[2]!) }));
    expect(listed.map((entry) => entry.name)).toEqual(names);
    expect(listed.filter((entry) => entry.name !== entry.file)).toEqual([]);
  });
});
