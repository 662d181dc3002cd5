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
import { update } from '../../src/shared/i18n/es-pe/update';
import { workshops } from '../../src/shared/i18n/es-pe/workshops';
import { DEVICE_MESSAGES, ERROR_MESSAGES, REFUSALS, VALIDATION_WORDS, describeTooManyPushes } from '../../src/shared/errors';
import {
  findAreasLoaded, findAreasUsed, findJsxTexts, findStaticallyReached, findStaticImports, findTexts, findTu, listSources, looksSpanish, stripComments,
} from './i18n-rules';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const AREAS: Record<string, Record<string, string>> = { catalogue, checklists, editor, events, forms, more, participant, session, shell, sync, update, workshops };

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

  it.each([
    ['Revisa los campos marcados.', 'Revisa'],
    ['Lo que escribes se conserva si recargas la página.', 'escribes'],
    ['Elige…', 'Elige'],
    ['Inicia sesión para enviar tus eventos.', 'tus'],
    ['Tienes cambios sin enviar. Conéctate pronto.', 'Tienes'],
    ['Sin resultados. Prueba con otra palabra.', 'Prueba'],
    ['Te damos la bienvenida', 'Te'],
    ['Revise los campos marcados.', undefined],
    ['Tinkuy guarda en este teléfono lo que usted registra.', undefined],
    ['Cuánto espacio usa Tinkuy', undefined],
    ['Se leen y se buscan sin conexión.', undefined],
  ])('«%s» speaks tú: %s', (text, found) => {
    expect(findTu(text)).toBe(found);
  });

  it.each([
    ['Guardar evento', true],
    ['sin lugar indicado', true],
    ['Cargando…', true],
    ['Región', true],
    ['button button--secondary', false],
    ['note note--attention', false],
    ['screen events', false],
    ['tinkuy.event-draft.', false],
    ['America/Lima', false],
  ])('«%s» looks Spanish: %s', (literal, expected) => {
    expect(looksSpanish(literal)).toBe(expected);
  });

  it('reads template literals by their fixed parts, and JSX text but not generics or arrows', () => {
    expect(findTexts('const a = `Hola ${name}, bienvenida`;')).toEqual(['Hola ', ', bienvenida']);
    expect(findJsxTexts('return <p>Sin conexión</p>;')).toEqual(['Sin conexión']);
    expect(findJsxTexts('const f = (): Promise<void> => load<Props>(x); type A = Map<string, B<C>>;')).toEqual([]);
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

describe('one voice', () => {
  const everyString = (): [string, string][] => [
    ...Object.values(AREAS).flatMap((strings) => Object.entries(strings)),
    ...Object.entries(ERROR_MESSAGES), ...Object.entries(REFUSALS), ...Object.entries(DEVICE_MESSAGES),
    ['VALIDATION_WORDS', [VALIDATION_WORDS.notAllowed, VALIDATION_WORDS.missing, VALIDATION_WORDS.invalid, VALIDATION_WORDS.expected('texto')].join(' ')],
    ['describeTooManyPushes', `${describeTooManyPushes(1)} ${describeTooManyPushes(30)}`],
  ];

  it('no string of the interface speaks «tú»', () => {
    const tu = everyString().flatMap(([key, text]) => (findTu(text) ? [`${key}: «${findTu(text)}» en «${text}»`] : []));
    expect(tu).toEqual([]);
  });

  // Search stop words are data for matching, not words shown to anyone.
  const NOT_INTERFACE = new Set([join('src', 'state', 'search', 'fold-text.ts')]);

  it('no Spanish sentence is written in the browser code instead of the catalogue (ui, state, sync, db, sw)', () => {
    const found: string[] = [];
    for (const dir of ['ui', 'state', 'sync', 'db', 'sw']) {
      for (const file of listSources(ROOT, join('src', dir))) {
        if (NOT_INTERFACE.has(file)) continue;
        const code = read(file);
        for (const text of findTexts(code)) if (looksSpanish(text)) found.push(`${file}: «${text}»`);
        // Any word written between tags is read by a person, Spanish-looking or not.
        if (file.endsWith('.tsx')) for (const text of findJsxTexts(code)) found.push(`${file}: texto JSX «${text}»`);
      }
    }
    expect(found).toEqual([]);
  });
});
