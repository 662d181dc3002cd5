import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { KnownPlaceCode, RegionCode } from '../../../src/shared/places/place-schemas';

describe('place codes in mutation args', () => {
  it.each([['1501', true], ['15', true], ['07', true], ['25', true], ['26', false], ['1502', false], ['', false]])(
    'takes %s as a region code: %s',
    (code, ok) => expect(v.safeParse(RegionCode, code).success).toBe(ok),
  );

  it.each([['150143', true], ['0613', true], ['061306', true], ['010801', false], ['15', false], ['1501011', false]])(
    'takes %s as a place code: %s',
    (code, ok) => expect(v.safeParse(KnownPlaceCode, code).success).toBe(ok),
  );

  it('refuses with a Spanish message', () => {
    const result = v.safeParse(RegionCode, '99');
    expect(result.issues?.[0]?.message).toBe('Región no válida.');
  });
});
