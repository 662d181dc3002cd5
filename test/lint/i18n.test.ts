import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/shared/i18n/es-pe/catalogue';
import { checklists } from '../../src/shared/i18n/es-pe/checklists';
import { editor } from '../../src/shared/i18n/es-pe/editor';
import { events } from '../../src/shared/i18n/es-pe/events';
import { forms } from '../../src/shared/i18n/es-pe/forms';
import { more } from '../../src/shared/i18n/es-pe/more';
import { participant } from '../../src/shared/i18n/es-pe/participant';
import { session } from '../../src/shared/i18n/es-pe/session';
import { shell } from '../../src/shared/i18n/es-pe/shell';
import { sync } from '../../src/shared/i18n/es-pe/sync';
import { workshops } from '../../src/shared/i18n/es-pe/workshops';
import {
  findAreasLoaded, findAreasUsed, findStaticallyReached, findStaticImports, listSources, stripComments,
} from './i18n-rules';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const AREAS: Record<string, Record<string, string>> = { catalogue, checklists, editor, events, forms, more, participant, session, shell, sync, workshops };

const areaOfKey = new Map<string, string>();
for (const [area, strings] of Object.entries(AREAS)) for (const key of Object.keys(strings)) areaOfKey.set(key, area);

const read = (file: string) => stripComments(readFileSync(join(ROOT, file), 'utf8'));

describe('the rules read the code as intended', () => {
  it.each([
    [`t('events.new')`, ['events']],
    [`label: 'checklists.add' as const`, ['checklists']],
    ['t(`catalogue.topic.${topic}`)', ['catalogue']],
    [`t('nav.home')`, ['shell']],
    [`mutation 'attendance.register'`, []],
  ])('%s uses %j', (code, areas) => {
    expect([...findAreasUsed(code, areaOfKey)].sort()).toEqual(areas);
  });

  it('finds the areas loaded by value imports only', () => {
    const code = [
      `import { t } from '../../shared/i18n/events';`,
      `import '../../shared/i18n/forms';`,
      `import type { MessageKey } from '../../shared/i18n/catalogue';`,
      `import { t as other } from '../../shared/i18n';`,
    ].join('\n');
    expect([...findAreasLoaded(code)].sort()).toEqual(['events', 'forms']);
    expect(findStaticImports(`const m = import('./lazy');\nimport { x } from './near';`)).toEqual(['./near']);
  });
});

describe('the string catalogue, split by area', () => {
  it('has each key in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, strings] of Object.entries(AREAS)) {
      for (const key of Object.keys(strings)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} y ${area}`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('every file that uses an area’s strings loads that area (the shell’s are always loaded)', () => {
    const missing: string[] = [];
    for (const file of listSources(ROOT, 'src')) {
      if (file.startsWith(join('src', 'shared', 'i18n')) || file.startsWith(join('src', 'server')) || file.startsWith(join('src', 'content'))) continue;
      const code = read(file);
      const loaded = findAreasLoaded(code);
      for (const area of findAreasUsed(code, areaOfKey)) {
        if (area !== 'shell' && !loaded.has(area)) missing.push(`${file}: falta importar shared/i18n/${area}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the main chunk (what src/main.tsx reaches statically) loads no area but the shell’s', () => {
    const loadedInMain: string[] = [];
    for (const file of findStaticallyReached(ROOT, join('src', 'main.tsx'))) {
      if (file.startsWith(join('src', 'shared', 'i18n'))) continue;
      for (const area of findAreasLoaded(read(file))) loadedInMain.push(`${file}: ${area}`);
    }
    expect(loadedInMain).toEqual([]);
  });
});
