import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalogue, compileCatalogue, CatalogueFaultsError, formatFault } from '../../src/content/compiler';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'valid');
const made: string[] = [];

/** Writes a content folder with the given files (paths relative to it) and returns its path. */
function writeContent(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinkuy-content-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A valid entry whose front matter lines can be replaced; body starts on line 10. */
function entry(id: string, { front = '', body = '## Parte\n\nTexto.\n' } = {}): string {
  return [
    '---',
    `id: ${id}`,
    'kind: guia',
    'topic: permisos',
    'title: Título',
    'summary: Resumen breve.',
    'levels: [distrital]',
    'sources: [{norm: Ley 27972, title: Ley Orgánica de Municipalidades}]',
    `reviewed: 2026-11-29${front}`,
    '---',
    body,
  ].join('\n');
}

/** The `file:line: message` lines the compiler reports for a content folder. */
function faultsOf(files: Record<string, string>): string[] {
  const dir = writeContent(files);
  const result = checkCatalogue(dir);
  expect(result.catalogue).toBeUndefined();
  return result.faults.map((f) => formatFault({ ...f, file: f.file.slice(f.file.indexOf('/', dir.length - 1) + 1) }));
}

describe('a valid entry compiles to a tree of plain data', () => {
  const catalogue = compileCatalogue(FIXTURES);
  const guide = catalogue.entries.find((e) => e.id === 'guia-demo');

  it('keeps the front matter and builds the exact block tree', () => {
    expect(guide).toMatchObject({ kind: 'guia', topic: 'permisos', levels: ['distrital'], tags: ['prueba'], related: ['otra-demo'], reviewed: '2026-11-29' });
    expect(guide?.sources).toEqual([{ norm: 'Ley 27972', title: 'Ley Orgánica de Municipalidades', detail: 'art. 56' }]);
    expect(guide?.body).toEqual([
      { type: 'heading', level: 2, id: 'antes-de-empezar', text: [{ type: 'text', value: 'Antes de empezar' }] },
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', value: 'Revise la ' },
          { type: 'text', value: 'ordenanza ', strong: true },
          { type: 'text', value: 'local', strong: true, em: true },
          { type: 'text', value: ' y la ' },
          { type: 'link', href: 'entrada:otra-demo', internal: 'otra-demo', children: [{ type: 'text', value: 'otra guía' }] },
          { type: 'text', value: ' & el ' },
          { type: 'code', value: 'TUPA' },
          { type: 'text', value: '.' },
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Pedir el FUT' }] }],
          [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Ver ' }, { type: 'link', href: 'https://www.indecopi.gob.pe', children: [{ type: 'text', value: 'Indecopi' }] }] }],
        ],
      },
      { type: 'heading', level: 3, id: 'plazos', text: [{ type: 'text', value: 'Plazos' }] },
      {
        type: 'table',
        header: [[{ type: 'text', value: 'Trámite' }], [{ type: 'text', value: 'Días' }]],
        rows: [[[{ type: 'text', value: 'ITSE' }], [{ type: 'text', value: '20' }]]],
      },
      { type: 'callout', kind: 'CONSEJO', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Pregunte en mesa de partes.' }] }] },
    ]);
  });

  it('builds the table of contents and the search text', () => {
    expect(guide?.toc).toEqual([
      { id: 'antes-de-empezar', text: 'Antes de empezar', level: 2 },
      { id: 'plazos', text: 'Plazos', level: 3 },
    ]);
    expect(guide?.searchText).toContain('Guía de prueba\nUna entrada pequeña para probar el compilador.');
    expect(guide?.searchText).toContain('Revise la ordenanza local y la otra guía & el TUPA.');
    expect(guide?.searchText).toContain('Pregunte en mesa de partes.');
  });

  it('gives repeated headings distinct ids', () => {
    const other = catalogue.entries.find((e) => e.id === 'otra-demo');
    expect(other?.toc.map((t) => t.id)).toEqual(['antes-de-empezar', 'antes-de-empezar-2']);
    expect(other?.tags).toEqual([]);
    expect(other?.related).toEqual([]);
  });

  it('contains no HTML anywhere in the compiled catalogue', () => {
    expect(JSON.stringify(catalogue)).not.toMatch(/<[a-z/]/i);
  });

  it('compiles a template with its defaults and conditions', () => {
    expect(catalogue.templates).toEqual([
      {
        id: 'demo',
        version: 1,
        title: 'Plantilla de prueba',
        summary: 'Dos secciones pequeñas.',
        proposeWhen: { outdoors: true },
        sections: [
          {
            id: 'permisos',
            title: 'Permisos',
            items: [
              { id: 'demo-tupa', text: 'Revisar el TUPA.', dueDays: 30, entry: 'guia-demo' },
              { id: 'demo-apdayc', text: 'Tramitar la licencia de música.', hint: 'Solo si hay música.', dueDays: 10, appliesWhen: { music: ['recorded', 'live'] } },
            ],
          },
          { id: 'cierre', title: 'Cierre', items: [{ id: 'demo-limpieza', text: 'Limpiar el espacio.', dueDays: -1 }] },
        ],
      },
    ]);
  });
});

describe('versions are content hashes', () => {
  it('are the same for the same content and change only for the entry that changed', () => {
    const files = { 'entries/a.md': entry('a'), 'entries/b.md': entry('b') };
    const before = compileCatalogue(writeContent(files));
    const again = compileCatalogue(writeContent(files));
    const after = compileCatalogue(writeContent({ ...files, 'entries/b.md': entry('b', { body: '## Parte\n\nOtro texto.\n' }) }));
    expect(again.version).toBe(before.version);
    expect(after.version).not.toBe(before.version);
    expect(after.entries[0]?.version).toBe(before.entries[0]?.version);
    expect(after.entries[1]?.version).not.toBe(before.entries[1]?.version);
  });
});

describe('every fault names its file and line', () => {
  it.each([
    ['invalid YAML', entry('a', { front: '\ntags: [uno' }), 'entries/a.md:10: YAML no válido: sangría incorrecta o corchete sin cerrar'],
    ['a repeated YAML key', entry('a', { front: '\ntitle: Otro' }), 'entries/a.md:10: YAML no válido: clave repetida'],
    ['an unknown kind', entry('a').replace('kind: guia', 'kind: receta'), 'entries/a.md:3: kind: Tipo desconocido'],
    ['an unknown topic', entry('a').replace('topic: permisos', 'topic: cocina'), 'entries/a.md:4: topic: Tema desconocido'],
    ['a summary over 200 characters', entry('a').replace('Resumen breve.', 'x'.repeat(201)), 'entries/a.md:6: summary: El resumen: como máximo 200 caracteres.'],
    ['a missing field', entry('a').replace('title: Título\n', ''), 'entries/a.md:2: title: falta este campo.'],
    ['an unknown field', entry('a', { front: '\nautor: Ana' }), 'entries/a.md:10: autor: campo desconocido.'],
    ['an id unlike the file name', entry('otro'), 'entries/a.md:2: El id «otro» debe ser igual al nombre del archivo («a»).'],
    ['raw HTML', entry('a', { body: '## Parte\n\nTexto con <b>negrita</b>.\n' }), 'entries/a.md:13: No se admite HTML en el texto («<b>»)'],
    ['a block of HTML', entry('a', { body: '## Parte\n\n<div>x</div>\n' }), 'entries/a.md:13: No se admite HTML («<div>x</div>»)'],
    ['an image', entry('a', { body: '## Parte\n\nTexto.\n\n![foto](foto.png)\n' }), 'entries/a.md:15: Las imágenes no se admiten'],
    ['a level-1 heading', entry('a', { body: '# Título\n' }), 'entries/a.md:11: Encabezado de nivel 1 no permitido'],
    ['a level-4 heading', entry('a', { body: '## Parte\n\n#### Detalle\n' }), 'entries/a.md:13: Encabezado de nivel 4 no permitido'],
    ['an internal link to an unknown entry', entry('a', { body: '## Parte\n\n- uno\n- ver [esto](entrada:no-existe)\n' }), 'entries/a.md:14: El enlace interno apunta a una entrada que no existe: «no-existe».'],
    ['a non-https link', entry('a', { body: '## Parte\n\nVer [sitio](http://ejemplo.pe).\n' }), 'entries/a.md:13: Enlace externo no permitido «http://ejemplo.pe»'],
    ['a quote without a callout kind', entry('a', { body: '## Parte\n\n> Solo una cita.\n' }), 'entries/a.md:13: Cita sin tipo de recuadro'],
    ['an unknown callout kind', entry('a', { body: '## Parte\n\n> [!NOTA]\n> Texto.\n' }), 'entries/a.md:13: Tipo de recuadro desconocido «NOTA»'],
    ['a fault inside a callout list', entry('a', { body: '## Parte\n\n> [!ATENCION]\n> Tenga en cuenta:\n>\n> - uno\n> - dos <br>\n' }), 'entries/a.md:17: No se admite HTML en el texto («<br>»)'],
    ['a fault in a nested list', entry('a', { body: '## Parte\n\n1. uno\n   - dos\n   - ![x](y.png)\n' }), 'entries/a.md:15: Las imágenes no se admiten'],
    ['a fault in a table cell', entry('a', { body: '## Parte\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n| [x](ftp://x.pe) | 3 |\n' }), 'entries/a.md:16: Enlace externo no permitido «ftp://x.pe»'],
    ['a code block', entry('a', { body: '## Parte\n\nTexto.\n\n```\ncodigo\n```\n' }), 'entries/a.md:15: No se admiten bloques de código'],
    ['a related id that does not exist', entry('a', { front: '\nrelated:\n  - b\n  - fantasma' }), 'entries/a.md:12: related: la entrada «fantasma» no existe.'],
  ])('reports %s', (_case, text, expected) => {
    const faults = faultsOf({ 'entries/a.md': text, 'entries/b.md': entry('b') });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toContain(expected);
  });

  it('reports an entry without front matter at line 1', () => {
    expect(faultsOf({ 'entries/a.md': '## Parte\n\nTexto.\n' })).toEqual([
      'entries/a.md:1: Falta el encabezado YAML: la entrada debe empezar con una línea --- y cerrarlo con otra ---.',
    ]);
  });

  const template = (id: string, itemId: string, extra = '') =>
    [`id: ${id}`, 'version: 1', 'title: T', 'summary: S', 'sections:', '  - id: s', '    title: S', '    items:', `      - id: ${itemId}`, '        text: Hacer algo.', `        dueDays: 5${extra}`, ''].join('\n');

  it.each([
    ['an item id used in two templates', { 'templates/t1.yaml': template('t1', 'x-1'), 'templates/t2.yaml': template('t2', 'x-1') }, 'templates/t2.yaml:9: El id de ítem «x-1» ya se usa en'],
    ['an item entry that does not exist', { 'templates/t1.yaml': template('t1', 'x-1', '\n        entry: fantasma') }, 'templates/t1.yaml:12: entry: la entrada «fantasma» no existe.'],
    ['a template id unlike the file name', { 'templates/t1.yaml': template('t9', 'x-1') }, 'templates/t1.yaml:1: El id «t9» debe ser igual al nombre del archivo («t1»).'],
    ['an unknown condition', { 'templates/t1.yaml': template('t1', 'x-1', '\n        appliesWhen:\n          lluvia: true') }, 'templates/t1.yaml:13: sections.0.items.0.appliesWhen.lluvia: campo desconocido.'],
    ['a bad item id', { 'templates/t1.yaml': template('t1', 'X Y') }, 'templates/t1.yaml:9: sections.0.items.0.id: Identificador de ítem'],
    ['a fractional dueDays', { 'templates/t1.yaml': template('t1', 'x-1').replace('dueDays: 5', 'dueDays: 2.5') }, 'templates/t1.yaml:11: sections.0.items.0.dueDays: Días hábiles: se esperaba un número entero.'],
  ])('reports %s', (_case, files, expected) => {
    const faults = faultsOf(files);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toContain(expected);
  });

  it('collects every fault of every file before failing', () => {
    const dir = writeContent({
      'entries/a.md': entry('a', { body: '# Uno\n\n<i>x</i>\n\n[y](http://x.pe)\n' }),
      'entries/b.md': entry('b').replace('kind: guia', 'kind: nada'),
      'templates/t1.yaml': template('t1', 'x-1', '\n        entry: nadie'),
    });
    let error: unknown;
    try {
      compileCatalogue(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueFaultsError);
    const faults = (error as CatalogueFaultsError).faults;
    expect(faults.map((f) => `${f.file.split('/').slice(-2).join('/')}:${f.line}`)).toEqual([
      'entries/a.md:11',
      'entries/a.md:13',
      'entries/a.md:15',
      'entries/b.md:3',
      'templates/t1.yaml:12',
    ]);
    expect((error as Error).message).toMatch(/^El catálogo tiene 5 errores:\n/);
  });
});
