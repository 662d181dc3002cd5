/**
 * Yearly values: `valores.yaml` is the one place where the UIT lives, `{{valor:uit*8}}` in an
 * entry or an item becomes the amount with its year and norm, the phone picks its own year, and
 * a wrong key or a malformed token stops the build at its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogue, compileCatalogue, formatFault } from '../../src/content/compiler';
import { parseValores } from '../../src/content/compiler/valores-source';
import type { Inline } from '../../src/shared/catalogue';
import { formatValor, limaYear, pickValorYear, resolveItemText, resolveValorText } from '../../src/shared/catalogue/valor-text';
import { CONTENT, useContentFolders } from './content-folder';

const real = parseValores('valores.yaml', readFileSync(join(CONTENT, 'valores.yaml'), 'utf8'));
const uit = real.table.get('uit');
const NBSP = '\u00a0';

/** A content folder with the real valores.yaml (unless given) and the files given. */
const writeContent = useContentFolders('tinkuy-valores-');

/** An entry whose body starts on line 10. */
function entry(id: string, body: string, front = ''): string {
  const head = ['---', `id: ${id}`, 'kind: guia', 'topic: presupuesto', 'title: Título', 'summary: Resumen.', 'levels: [distrital]'];
  return [...head, `sources: [{norm: Ley 32069, title: Ley General de Contrataciones Públicas}]${front}`, 'reviewed: 2026-12-06', '---', body].join('\n');
}

function template(text: string, hint?: string): string {
  const lines = ['id: t', 'version: 1', 'title: T', 'summary: S', 'sections:', '  - id: s', '    title: S', '    items:', '      - id: t-1', `        text: ${text}`];
  if (hint) lines.push(`        hint: ${hint}`);
  return [...lines, '        dueDays: 5', ''].join('\n');
}

function faultsOf(dir: string): string[] {
  return checkCatalogue(dir).faults.map((f) => formatFault({ ...f, file: f.file.slice(f.file.indexOf('/', dir.length - 1) + 1) }));
}

describe('the UIT in valores.yaml', () => {
  it('holds 2025 and 2026 with the decree of each', () => {
    expect(real.faults).toEqual([]);
    expect(uit?.years).toEqual([
      { year: 2025, amount: 5350, source: 'DS 260-2024-EF' },
      { year: 2026, amount: 5500, source: 'DS 301-2025-EF' },
    ]);
  });

  it.each([
    [2026, 8, `S/${NBSP}44${NBSP}000 (8 UIT de 2026, DS 301-2025-EF)`],
    [2025, 8, `S/${NBSP}42${NBSP}800 (8 UIT de 2025, DS 260-2024-EF)`],
    [2026, 1, `S/${NBSP}5${NBSP}500 (UIT de 2026, DS 301-2025-EF)`],
    [2026, 0.5, `S/${NBSP}2${NBSP}750 (0,5 UIT de 2026, DS 301-2025-EF)`],
    [2025, 0.5, `S/${NBSP}2${NBSP}675 (0,5 UIT de 2025, DS 260-2024-EF)`],
    [2026, 0.25, `S/${NBSP}1${NBSP}375 (0,25 UIT de 2026, DS 301-2025-EF)`],
    [2025, 0.1, `S/${NBSP}535 (0,1 UIT de 2025, DS 260-2024-EF)`],
    [2025, 0.15, `S/${NBSP}802,50 (0,15 UIT de 2025, DS 260-2024-EF)`],
  ])('in %i, %s UIT reads «%s»', (year, factor, expected) => {
    expect(formatValor(uit!, factor, year)).toBe(expected);
  });

  it('shows the latest year not after the current one, and the first year before any is known', () => {
    expect(pickValorYear(uit!, 2031).year).toBe(2026);
    expect(pickValorYear(uit!, 2026).year).toBe(2026);
    expect(pickValorYear(uit!, 2025).year).toBe(2025);
    expect(pickValorYear(uit!, 2019).year).toBe(2025);
  });

  it('takes the year in Lima: 1 January at 03:00 UTC is still 31 December there', () => {
    expect(limaYear(Date.parse('2027-01-01T03:00:00Z'))).toBe(2026);
    expect(limaYear(Date.parse('2027-01-01T05:00:00Z'))).toBe(2027);
  });

  it('replaces every token of a text and leaves unknown keys as written', () => {
    const text = 'Hasta {{valor:uit*8}} es contrato menor; {{valor:otra}} no existe.';
    expect(resolveValorText(text, [uit!], 2026)).toBe(`Hasta S/${NBSP}44${NBSP}000 (8 UIT de 2026, DS 301-2025-EF) es contrato menor; {{valor:otra}} no existe.`);
  });
});

describe('an entry that cites a yearly value', () => {
  const body = '## Montos\n\nLos contratos de **hasta {{valor:uit*8}}** son menores; la UIT es {{valor:uit}}. Escriba `{{valor:uit}}` en el texto.\n';

  it('compiles to a valor node with all the years and the build year’s text for older apps', () => {
    const catalogue = compileCatalogue(writeContent({ 'entries/a.md': entry('a', body) }), { now: new Date('2026-03-01T12:00:00Z') });
    const inlines = (catalogue.entries[0]?.body[1] as { inlines: Inline[] }).inlines;
    expect(inlines).toEqual([
      { type: 'text', value: 'Los contratos de ' },
      { type: 'text', value: 'hasta ', strong: true },
      { type: 'valor', value: `S/${NBSP}44${NBSP}000 (8 UIT de 2026, DS 301-2025-EF)`, factor: 8, valor: uit, strong: true },
      { type: 'text', value: ' son menores; la UIT es ' },
      { type: 'valor', value: `S/${NBSP}5${NBSP}500 (UIT de 2026, DS 301-2025-EF)`, factor: 1, valor: uit },
      { type: 'text', value: '. Escriba ' },
      { type: 'code', value: '{{valor:uit}}' },
      { type: 'text', value: ' en el texto.' },
    ]);
    expect(catalogue.entries[0]?.searchText).toContain(`hasta S/${NBSP}44${NBSP}000 (8 UIT de 2026`);
  });

  it('carries the 2025 text when built in 2025', () => {
    const catalogue = compileCatalogue(writeContent({ 'entries/a.md': entry('a', body) }), { now: new Date('2025-07-01T12:00:00Z') });
    expect(JSON.stringify(catalogue.entries[0]?.body)).toContain(`S/${NBSP}42${NBSP}800 (8 UIT de 2025, DS 260-2024-EF)`);
  });
});

describe('a checklist item that cites a yearly value', () => {
  it('keeps the written text in `dated` and resolves text and hint for the build and for each year', () => {
    const dir = writeContent({ 'templates/t.yaml': template('Contrate hasta {{valor:uit*8}} por orden de servicio.', 'Una UIT es {{valor:uit}}.') });
    const item = compileCatalogue(dir, { now: new Date('2026-05-01T12:00:00Z') }).templates[0]?.sections[0]?.items[0];
    expect(item).toEqual({
      id: 't-1',
      text: `Contrate hasta S/${NBSP}44${NBSP}000 (8 UIT de 2026, DS 301-2025-EF) por orden de servicio.`,
      hint: `Una UIT es S/${NBSP}5${NBSP}500 (UIT de 2026, DS 301-2025-EF).`,
      dueDays: 5,
      dated: { text: 'Contrate hasta {{valor:uit*8}} por orden de servicio.', hint: 'Una UIT es {{valor:uit}}.', valores: [uit] },
    });
    expect(resolveItemText(item!, 2025)).toEqual({
      text: `Contrate hasta S/${NBSP}42${NBSP}800 (8 UIT de 2025, DS 260-2024-EF) por orden de servicio.`,
      hint: `Una UIT es S/${NBSP}5${NBSP}350 (UIT de 2025, DS 260-2024-EF).`,
    });
  });

  it('stays as it was when it cites none', () => {
    const item = compileCatalogue(writeContent({ 'templates/t.yaml': template('Hacer algo.') })).templates[0]?.sections[0]?.items[0];
    expect(item).toEqual({ id: 't-1', text: 'Hacer algo.', dueDays: 5 });
    expect(resolveItemText(item!, 2026)).toEqual({ text: 'Hacer algo.' });
  });
});

describe('a wrong value stops the build at its line', () => {
  it.each([
    ['an unknown key', { 'entries/a.md': entry('a', '## P\n\nTexto.\nHasta {{valor:uti*8}}.\n') }, 'entries/a.md:14: Valor desconocido «uti» en {{valor:uti*8}}'],
    ['a factor with a comma', { 'entries/a.md': entry('a', '## P\n\nHasta {{valor:uit*0,5}}.\n') }, 'entries/a.md:13: Valor mal escrito «{{valor:uit*0,5}}.»'],
    ['a missing factor', { 'entries/a.md': entry('a', '## P\n\nHasta {{valor:uit*}}.\n') }, 'entries/a.md:13: Valor mal escrito'],
    ['capitals', { 'entries/a.md': entry('a', '## P\n\nHasta {{valor:UIT}}.\n') }, 'entries/a.md:13: Valor mal escrito'],
    ['spaces inside', { 'entries/a.md': entry('a', '## P\n\nHasta {{ valor:uit }}.\n') }, 'entries/a.md:13: Valor mal escrito'],
    ['a value in the front matter', { 'entries/a.md': entry('a', '## P\n\nTexto.\n', '\ntags: [x]').replace('summary: Resumen.', 'summary: Hasta {{valor:uit*8}}.') }, 'entries/a.md:6: Los valores {{valor:…}} solo van en el cuerpo'],
    ['a value inside a link', { 'entries/a.md': entry('a', '## P\n\nVer [hasta {{valor:uit*8}}](https://www.gob.pe).\n') }, 'entries/a.md:13: No use valores {{valor:…}} dentro del texto de un enlace'],
    ['an unknown key in an item hint', { 'templates/t.yaml': template('Hacer algo.', 'Hasta {{valor:sueldo}}.') }, 'templates/t.yaml:11: Valor desconocido «sueldo»'],
    ['a malformed token in an item text', { 'templates/t.yaml': template('Hasta {{valor:uit*8}.') }, 'templates/t.yaml:10: Valor mal escrito'],
    ['an amount that is not a number', { 'valores.yaml': 'uit:\n  label: UIT\n  unit: soles\n  years:\n    2026:\n      amount: cinco mil\n      source: DS 301-2025-EF\n' }, 'valores.yaml:6: uit.years.2026.amount: El monto debe ser un número.'],
    ['a year without its norm', { 'valores.yaml': 'uit:\n  label: UIT\n  unit: soles\n  years:\n    2026:\n      amount: 5500\n' }, 'valores.yaml:6: uit.years.2026.source: falta este campo.'],
    ['an unknown unit', { 'valores.yaml': 'uit:\n  label: UIT\n  unit: dólares\n  years:\n    2026: {amount: 5500, source: DS 301-2025-EF}\n' }, 'valores.yaml:3: uit.unit: Unidad desconocida'],
  ])('reports %s', (_case, files, expected) => {
    const faults = faultsOf(writeContent(files));
    expect(faults).toHaveLength(1);
    expect(faults[0]).toContain(expected);
  });
});
