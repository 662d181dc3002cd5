import { describe, expect, it } from 'vitest';
import { levelOfPlaceCode, makePlaceId } from '../../../src/shared/places/place-row';
import { foldPlaceName, isSamePlaceName } from '../../../src/shared/places/names';

describe('place ids and names', () => {
  it('tells region 1501 and province 1501 apart by their ids', () => {
    expect(makePlaceId('region', '1501')).toBe('region:1501');
    expect(makePlaceId('province', '1501')).not.toBe(makePlaceId('region', '1501'));
  });

  it.each([
    ['150101', 'district'],
    ['1501', 'province'],
    ['15', undefined],
    ['15010', undefined],
    ['15O101', undefined],
  ])('reads the level of %s as %s', (code, level) => expect(levelOfPlaceCode(code)).toBe(level));

  it('compares names without accents, case or extra spaces, as people type them', () => {
    expect(foldPlaceName('  Áncash  ')).toBe('ancash');
    expect(isSamePlaceName('Villa María  del Triunfo', 'VILLA MARIA DEL TRIUNFO')).toBe(true);
    expect(isSamePlaceName('Cañete', 'Canete')).toBe(true);
    expect(isSamePlaceName('Santa Cruz', 'Ninabamba')).toBe(false);
  });
});
