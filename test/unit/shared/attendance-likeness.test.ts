/**
 * The duplicate warning (issue 12): measured on a table of Peruvian name variants that people
 * really type for one person — it must catch each — and on 500 distinct people, where it must
 * not warn more often than the old exact rule did. The merge rule (`isSamePerson`) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { computeKeys, computeLikeness, entitySound, isLikelyMatch, isLikelySamePerson, isSameKeys, isSamePerson, keepBetterSpelling, soundOf, type PersonKeys } from '../../../src/shared/attendance-match';
import { DISTINCT_PAIRS, makeDistinctPeople, SAME_PERSON_VARIANTS } from './peruvian-names';

const person = (fullName: string, entityName: string, documentNumber?: string): PersonKeys =>
  ({ fullName, entityName, ...(documentNumber ? { documentType: 'dni' as const, documentNumber } : {}) });

/** How many people in `list` would see a warning when registered after those before them. */
function countWarnings<K>(list: readonly PersonKeys[], prepare: (p: PersonKeys) => K, rule: (a: K, b: K) => boolean): number {
  const prepared = list.map(prepare);
  let warnings = 0;
  for (let i = 1; i < prepared.length; i += 1) if (prepared.slice(0, i).some((earlier) => rule(earlier, prepared[i]!))) warnings += 1;
  return warnings;
}

describe('the duplicate warning catches how people spell one name', () => {
  it.each(SAME_PERSON_VARIANTS)('%s (%s) ≈ %s (%s)', (nameA, entityA, nameB, entityB) => {
    expect(isLikelySamePerson(person(nameA, entityA), person(nameB, entityB))).toBe(true);
    expect(isLikelySamePerson(person(nameB, entityB), person(nameA, entityA))).toBe(true);
  });

  it('the old exact rule missed most of the table, so the table measures something', () => {
    const caughtBefore = SAME_PERSON_VARIANTS.filter(([a, ea, b, eb]) => isSamePerson(person(a, ea), person(b, eb))).length;
    expect(SAME_PERSON_VARIANTS.length).toBeGreaterThanOrEqual(20);
    expect(caughtBefore).toBe(0);
  });

  it.each(DISTINCT_PAIRS)('does not take %s (%s) for %s (%s)', (nameA, entityA, nameB, entityB) => {
    expect(isLikelySamePerson(person(nameA, entityA), person(nameB, entityB))).toBe(false);
  });

  it('two different documents are two people, however alike the names', () => {
    expect(isLikelySamePerson(person('Juan Condori Mamani', 'MD Ácora', '41234567'), person('Juan Condory Mamani', 'MD Ácora', '41234568'))).toBe(false);
    expect(isLikelySamePerson(person('Juan Condori Mamani', 'MD Ácora', '41234567'), person('J. Condori', 'Otra', '4123 4567'))).toBe(true);
  });

  it('spells sounds and entities the way the rule compares them', () => {
    expect(['Condory', 'Condori', 'Kondori'].map((w) => soundOf(w.toLowerCase()))).toEqual(['kondori', 'kondori', 'kondori']);
    expect(['huaman', 'guaman', 'waman'].map(soundOf)).toEqual(['waman', 'waman', 'waman']);
    expect(entitySound('Muni. Distrital de Ácora')).toBe(entitySound('Municipalidad Distrital de Acora'));
    expect(entitySound('MD Acora')).toBe(entitySound('Municipalidad Distrital de Ácora'));
    expect(entitySound('Municipalidad Provincial de Puno')).not.toBe(entitySound('Gobierno Regional de Puno'));
  });
});

describe('on 500 distinct people the warning is no noisier than before', () => {
  const people = makeDistinctPeople(500);

  it('the list holds 500 different people (name and entity)', () => {
    expect(new Set(people.map((p) => `${p.fullName}|${p.entityName}`)).size).toBe(500);
  });

  it('warns no more often than the exact rule did', () => {
    const before = countWarnings(people, computeKeys, isSameKeys);
    const now = countWarnings(people, computeLikeness, isLikelyMatch);
    console.info(`[duplicados] 500 personas distintas: avisos antes ${before}, ahora ${now}`);
    expect(now).toBeLessThanOrEqual(before);
  });
});

describe('a merge keeps the better spelling', () => {
  const person = (fullName: string, entityName = 'Municipalidad Distrital de Ácora') => ({ fullName, entityName });
  it.each([
    ['María Quispe Huamaní', 'Maria Quispe Huamani', 'María Quispe Huamaní'],
    ['JOSÉ QUISPE', 'José Quispe', 'José Quispe'],
    ['josé quispe', 'José Quispe', 'José Quispe'],
    ['  Túpac   Amaru ', 'Túpac Amaru', 'Túpac Amaru'],
    ['Ñusta Condori', 'Nusta Condori', 'Ñusta Condori'],
  ])('%j and %j keep %j, whichever came last', (a, b, kept) => {
    expect(keepBetterSpelling(person(b), person(a), person(b)).fullName).toBe(kept);
    expect(keepBetterSpelling(person(a), person(b), person(a)).fullName).toBe(kept);
  });

  it('two different names (a correction, another spelling of a document holder) keep the newer one', () => {
    expect(keepBetterSpelling(person('Ñusta Quispe (otra grafía)'), person('Ñusta Quispe Huamaní'), person('Ñusta Quispe (otra grafía)')).fullName).toBe('Ñusta Quispe (otra grafía)');
  });

  it('the entity too: «MUNICIPALIDAD DISTRITAL DE ACORA» gives way to «Municipalidad Distrital de Ácora»', () => {
    const stored = person('Juan Condori', 'Municipalidad Distrital de Ácora');
    const incoming = person('Juan Condori', 'MUNICIPALIDAD DISTRITAL DE ACORA');
    expect(keepBetterSpelling(incoming, stored, incoming).entityName).toBe('Municipalidad Distrital de Ácora');
  });
});
