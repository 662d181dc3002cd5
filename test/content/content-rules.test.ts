/**
 * The content rules a gestor's trust depends on, each shown failing at its file and line:
 * a norm cited without a source, a yearly amount written as prose, items out of due order,
 * and a link whose userinfo makes it open another site than the one it reads as.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalogue, formatFault } from '../../src/content/compiler';
import { findNormCitations, isSameNorm } from '../../src/content/compiler/norm-citations';
import { useContentFolders } from './content-folder';

const writeContent = useContentFolders('tinkuy-rules-');

function faultsOf(files: Record<string, string>): string[] {
  const dir = writeContent(files);
  return checkCatalogue(dir).faults.map((f) => formatFault({ ...f, file: f.file.slice(f.file.indexOf('/', dir.length - 1) + 1) }));
}

/** An entry citing Ley 27972 and DS 002-2018-PCM in its sources; the body starts on line 14. */
function entry(body: string, { summary = 'Resumen.', url = 'https://www.gob.pe/ley-27972' } = {}): string {
  return [
    '---',
    'id: a',
    'kind: guia',
    'topic: permisos',
    'title: Título',
    `summary: ${summary}`,
    'levels: [distrital]',
    'sources:',
    '  - {norm: Ley N° 27972, title: Ley Orgánica de Municipalidades}',
    `  - {norm: DS 002-2018-PCM, title: Reglamento de ITSE, url: "${url}"}`,
    'reviewed: 2026-12-06',
    '---',
    '## Parte',
    body,
  ].join('\n');
}

/** A template with one section whose items have these due days; item i's id is on line 9 + 2i. */
function template(dueDays: number[], text = 'Hacer algo.'): string {
  const items = dueDays.flatMap((due, i) => [`      - id: t-${i + 1}`, `        text: ${text}`, `        dueDays: ${due}`]);
  return ['id: t', 'version: 1', 'title: T', 'summary: S', 'sections:', '  - id: permisos', '    title: Permisos', '    items:', ...items, ''].join('\n');
}

describe('norm citations are read however they are written', () => {
  it.each([
    ['Ley 28976', { kind: 'ley', number: '28976' }],
    ['la Ley N° 29733', { kind: 'ley', number: '29733' }],
    ['Ley N.º 28056', { kind: 'ley', number: '28056' }],
    ['D. Leg. 1278', { kind: 'dleg', number: '1278' }],
    ['Decreto Legislativo N° 822', { kind: 'dleg', number: '822' }],
    ['DL 1440', { kind: 'dleg', number: '1440' }],
    ['DS 009-2020-MC', { kind: 'ds', number: '9', year: '2020' }],
    ['D.S. N° 002-2018-PCM', { kind: 'ds', number: '2', year: '2018' }],
    ['Decreto Supremo 016-2024-JUS', { kind: 'ds', number: '16', year: '2024' }],
    ['RM 000179-2021-DM/MC', { kind: 'rm', number: '179', year: '2021' }],
    ['Resolución Ministerial N° 179-2021-DM/MC', { kind: 'rm', number: '179', year: '2021' }],
    ['RS 612-2018-SUCAMEC', { kind: 'rs', number: '612', year: '2018' }],
    ['Ordenanza 349-2019-MDCH', { kind: 'ordenanza', number: '349', year: '2019' }],
    ['Ordenanza 2653', { kind: 'ordenanza', number: '2653' }],
    ['la Norma A.120', { kind: 'norma', number: 'A.120' }],
  ])('«%s»', (text, expected) => {
    expect(findNormCitations(text)).toEqual([expect.objectContaining(expected)]);
  });

  it('ignores link targets and words that only look like norms', () => {
    expect(findNormCitations('Vea [el texto](https://www.deperu.com/ley-28131-pdf.html), la ley del artista y el DS del año.')).toEqual([]);
  });

  it('takes a norm with and without its year as the same one, but not two years', () => {
    const [withYear, without, other] = findNormCitations('Ordenanza 349-2019-MDCH, Ordenanza 349 y Ordenanza 349-2020-MDCH');
    expect(isSameNorm(withYear!, without!)).toBe(true);
    expect(isSameNorm(withYear!, other!)).toBe(false);
  });
});

describe('every norm a body cites is among its sources', () => {
  it('passes when the body cites its sources, written another way', () => {
    expect(faultsOf({ 'entries/a.md': entry('La Ley 27972 y el D.S. N° 002-2018-PCM.') })).toEqual([]);
  });

  it('fails at the line of a norm missing from sources, once per norm', () => {
    expect(faultsOf({ 'entries/a.md': entry('Texto.\n\nSegún la Ley 32415 y el DS 004-2019-MC.\n\nOtra vez la Ley 32415.') })).toEqual([
      'entries/a.md:16: Cita «Ley 32415» pero esa norma no está en sources: agréguela (norm, title y, si puede, url) o no la cite.',
      'entries/a.md:16: Cita «DS 004-2019-MC» pero esa norma no está en sources: agréguela (norm, title y, si puede, url) o no la cite.',
    ]);
  });

  it('reads the summary too', () => {
    expect(faultsOf({ 'entries/a.md': entry('Texto.', { summary: 'Lo que pide la Ley 29664.' }) })).toEqual([
      'entries/a.md:6: Cita «Ley 29664» pero esa norma no está en sources: agréguela (norm, title y, si puede, url) o no la cite.',
    ]);
  });
});

describe('no amount that moves with the UIT is written as prose', () => {
  it.each([
    ['an amount next to UIT', 'Hasta 8 UIT (S/ 44 000) es contrato menor.'],
    ['an amount before UIT', 'El tope es S/ 42,800, es decir 8 UIT.'],
    ['an exact multiple of a UIT', 'Un presupuesto de S/ 11 000 para sonido.'],
    ['soles written out', 'Una multa de 5350 soles.'],
  ])('fails on %s', (_case, text) => {
    const faults = faultsOf({ 'entries/a.md': entry(text) });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(/^entries\/a\.md:14: «[^»]+» es un monto que cambia cada año: escríbalo como \{\{valor:uit\*N\}\}/);
  });

  it('passes for the token and for amounts unrelated to the UIT', () => {
    expect(faultsOf({ 'entries/a.md': entry('Hasta 8 UIT ({{valor:uit*8}}). Un refrigerio de S/ 12 por persona.') })).toEqual([]);
  });

  it('checks checklist items too', () => {
    expect(faultsOf({ 'templates/t.yaml': template([5], 'Contrate hasta S/ 44 000 por orden de servicio.') })).toEqual([
      'templates/t.yaml:10: «S/ 44 000» es un monto que cambia cada año: escríbalo como {{valor:uit*N}} (los valores están en src/content/valores.yaml).',
    ]);
  });
});

describe('within a section, items come in the order they fall due', () => {
  it('passes for falling or equal due days', () => {
    expect(faultsOf({ 'templates/t.yaml': template([30, 25, 25, 0, -5]) })).toEqual([]);
  });

  it('fails at the item due before the one above it, naming both ids', () => {
    expect(faultsOf({ 'templates/t.yaml': template([20, 10, 15, 1]) })).toEqual([
      'templates/t.yaml:15: Sección «permisos»: «t-3» (15 días hábiles antes) vence antes que «t-2» (10), que va primero; ordene los ítems por fecha.',
    ]);
  });
});

describe('a link that reads as one site and opens another is refused', () => {
  it.each([
    ['https://www.gob.pe@evil.example/ley', 'lleva un usuario antes de «@»'],
    ['https://usuario:clave@www.gob.pe/', 'lleva un usuario antes de «@»'],
    ['https://\\evil.example', 'tiene espacios, barras invertidas'],
    ['http://www.gob.pe', 'use una dirección https://'],
  ])('in the body: %s', (href, problem) => {
    const faults = faultsOf({ 'entries/a.md': entry(`Vea [la norma](${href}).`) });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toContain(`entries/a.md:14: Enlace externo no permitido «${href}»: ${problem}`);
  });

  it('in a source', () => {
    expect(faultsOf({ 'entries/a.md': entry('Texto.', { url: 'https://www.gob.pe@evil.example/ds' }) })).toEqual([
      'entries/a.md:10: sources.1.url: dirección no permitida, lleva un usuario antes de «@» y abriría otro sitio que el que se lee.',
    ]);
  });
});
