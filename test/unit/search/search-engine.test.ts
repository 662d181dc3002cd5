import { describe, expect, it } from 'vitest';
import { buildCatalogueIndex, listCompletions, loadCatalogueIndex, searchCatalogue, type SearchDoc } from '../../../src/state/search/catalogue-index';
import { foldText, processIndexTerm, readQueryTerms } from '../../../src/state/search/fold-text';
import { makeSnippet } from '../../../src/state/search/snippet';

function doc(id: string, fields: Partial<SearchDoc>): SearchDoc {
  return { id, title: '', summary: '', tags: [], searchText: '', kind: 'guia', ...fields };
}

const DOCS: SearchDoc[] = [
  doc('musica', { title: 'Música en eventos gratuitos', summary: 'Derechos de autor de la música que suena en la plaza.', tags: ['musica', 'derechos-de-autor'], searchText: 'La música grabada o en vivo paga derechos.' }),
  doc('permisos', { title: 'Permisos municipales para espectáculos', summary: 'Qué permisos pedir y cuándo.', tags: ['permisos'], searchText: 'El permiso se tramita con anticipación.' }),
  doc('autorizacion', { title: 'Autorización de la prefectura', summary: 'Garantías para reuniones públicas.', searchText: 'Solicite la autorización con quince días.' }),
  doc('aforo', { title: 'Cálculo de aforo', summary: 'Cuántas personas caben.', searchText: 'Cuente las personas por metro cuadrado. Si hay música en vivo, deje más espacio.' }),
  doc('concierto', { title: 'Conciertos y espectáculos', summary: 'Ley 32415.', searchText: 'Un concierto al aire libre.' }),
];
const index = buildCatalogueIndex(DOCS);
const ids = (query: string) => searchCatalogue(index, query).map((hit) => hit.id);

describe('folding Spanish text for search', () => {
  it.each([
    ['Música', 'musica'],
    ['AUTORIZACIÓN', 'autorizacion'],
    ['Niñas', 'ninas'],
    ['pingüino', 'pinguino'],
  ])('folds %s to %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it('drops stop words when indexing and keeps real words', () => {
    expect(processIndexTerm('de')).toBeNull();
    expect(processIndexTerm('Según')).toBeNull();
    expect(processIndexTerm('Aforo')).toBe('aforo');
  });

  it('keeps a stop word only when it is the word being typed', () => {
    expect(readQueryTerms('música de la plaza')).toEqual(['musica', 'plaza']);
    expect(readQueryTerms('con')).toEqual(['con']);
    expect(readQueryTerms('música con')).toEqual(['musica', 'con']);
    expect(readQueryTerms('de la')).toEqual([]);
  });
});

describe('catalogue search', () => {
  it('"musica" finds "Música" (accents and case do not matter)', () => {
    expect(ids('musica')[0]).toBe('musica');
    expect(ids('MÚSICA')[0]).toBe('musica');
  });

  it('a prefix finds words as they are typed: "permi" finds permisos', () => {
    expect(ids('permi')).toContain('permisos');
  });

  it('a word being typed expands to its most frequent completions, at most ten', () => {
    const many = buildCatalogueIndex(Array.from({ length: 30 }, (_, i) => doc(`d${i}`, { searchText: `permiso${String.fromCharCode(97 + (i % 26))} permisos` })));
    const completions = listCompletions(many, 'permi');
    expect(completions).toHaveLength(10);
    expect(completions[0]).toBe('permisos');
  });

  it('an exact word scores above a longer word it starts', () => {
    const index2 = buildCatalogueIndex([doc('largo', { title: 'Permisos' }), doc('exacto', { title: 'Permiso' })]);
    expect(searchCatalogue(index2, 'permiso').map((h) => h.id)).toEqual(['exacto', 'largo']);
  });

  it('one typo is tolerated: "autorisación" finds autorización', () => {
    expect(ids('autorisación')).toContain('autorizacion');
  });

  it('two typos are not: "autorisasiom" finds nothing', () => {
    expect(ids('autorisasiom')).toEqual([]);
  });

  it('stop words alone do not match everything, and are ignored between real words', () => {
    expect(ids('de la')).toEqual([]);
    expect(ids('música de la plaza')).toEqual(['musica']);
  });

  it('a stop word being typed works as a prefix: "con" finds conciertos', () => {
    expect(ids('con')).toContain('concierto');
  });

  it('ranks a title match above a body-only match', () => {
    const hits = ids('música');
    expect(hits).toContain('aforo');
    expect(hits.indexOf('musica')).toBeLessThan(hits.indexOf('aforo'));
  });

  it('all words must match; when none does together, any word may', () => {
    expect(ids('música vivo')).toEqual(expect.arrayContaining(['musica', 'aforo']));
    expect(ids('aforo zzzzqq')).toEqual(['aforo']);
  });

  it('an index kept as JSON and loaded again answers the same', () => {
    const revived = loadCatalogueIndex(JSON.stringify(index));
    expect(searchCatalogue(revived, 'autorisación').map((h) => h.id)).toEqual(ids('autorisación'));
    expect(searchCatalogue(revived, 'permi')[0]?.title).toBe('Permisos municipales para espectáculos');
  });
});

describe('result snippets', () => {
  it('cuts the text around the first matched word and marks the whole word', () => {
    const text = `${'Introducción larga sobre otros asuntos del evento. '.repeat(4)}Aquí la Música grabada paga derechos de autor.`;
    const parts = makeSnippet(text, ['musica']);
    expect(parts.find((p) => p.isMatch)?.text).toBe('Música');
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(170);
  });

  it('without a match, shows the start of the text', () => {
    expect(makeSnippet('Texto corto.', ['nada'])).toEqual([{ text: 'Texto corto.', isMatch: false }]);
  });
});
