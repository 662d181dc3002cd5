import { describe, expect, it } from 'vitest';
import { DISTRICTS_BY_REGION } from '../../../src/shared/places/district-counts';
import { REGIONS } from '../../../src/shared/places/regions';
import { regionOfPlace } from '../../../src/shared/places/provinces';
import { hasIneiFile, readIneiFile, skipReason } from './inei-file';

describe('district counts by RED region', () => {
  it('names every one of the 26 regions and adds up to 1,891 districts', () => {
    expect(Object.keys(DISTRICTS_BY_REGION).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(Object.values(DISTRICTS_BY_REGION).reduce((a, b) => a + b, 0)).toBe(1891);
  });

  it.skipIf(!hasIneiFile)(`match INEI's 2025 directory, Lima Metropolitana and Callao apart ${hasIneiFile ? '' : skipReason}`, () => {
    const counted: Record<string, number> = {};
    for (const line of readIneiFile().split('\n').slice(1)) {
      const ubigeo = line.split(';')[3];
      if (!ubigeo) continue;
      const region = regionOfPlace(ubigeo)!;
      counted[region] = (counted[region] ?? 0) + 1;
    }
    expect(counted).toEqual(DISTRICTS_BY_REGION);
  });
});
