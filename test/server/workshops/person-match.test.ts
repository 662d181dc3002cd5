import { describe, expect, it } from 'vitest';
import { foldForMatch, makeDocumentKey, makeNameKey } from '../../../src/shared/schemas/attendance';
import { findWorkshopWindow } from '../../../src/shared/schemas/workshop';

describe('matching the same person (shared by the device warning and the server merge)', () => {
  it.each([
    ['José Pérez', 'jose perez'],
    ['  JOSÉ   PÉREZ. ', 'jose perez'],
    ['Ñusta Cóndor', 'nusta condor'],
    ['María-Luisa Quispe', 'maria luisa quispe'],
    ['Municipalidad Distrital de San Jerónimo', 'municipalidad distrital de san jeronimo'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldForMatch(input)).toBe(folded);
  });

  it.each([
    [{ documentType: 'dni' as const, documentNumber: '4123 4567' }, 'dni:41234567'],
    [{ documentType: 'ce' as const, documentNumber: 'ab-123' }, 'ce:AB123'],
    [{ documentNumber: '41234567' }, undefined],
    [{ documentType: 'dni' as const, documentNumber: '' }, undefined],
  ])('the document key of %j is %j', (person, key) => {
    expect(makeDocumentKey(person)).toBe(key);
  });

  it('two spellings of one name at one entity share a key; another entity does not', () => {
    const a = makeNameKey({ fullName: 'José Ñahui', entityName: 'DDC Ayacucho' });
    expect(makeNameKey({ fullName: 'jose  NAHUI', entityName: 'ddc ayacucho.' })).toBe(a);
    expect(makeNameKey({ fullName: 'José Ñahui', entityName: 'DDC Cusco' })).not.toBe(a);
  });

  it('the participants’ window runs from one day before the start to two days after the end', () => {
    expect(findWorkshopWindow({ startsAt: '2027-01-14T14:00:00.000Z', endsAt: '2027-01-14T21:00:00.000Z' })).toEqual({
      opensAt: '2027-01-13T14:00:00.000Z',
      closesAt: '2027-01-16T21:00:00.000Z',
    });
  });
});
