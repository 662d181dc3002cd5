import { describe, expect, it } from 'vitest';
import {
  DEPARTMENTS, findRegion, isRegionCode, LIMA_METROPOLITANA, LIMA_PROVINCIAS, listRegions, regionName,
} from '../../../src/shared/places/regions';
import { listProvinces, PROVINCES, provinceName, regionOfPlace } from '../../../src/shared/places/provinces';

describe('RED regions', () => {
  it('counts 26 regions: 25 departments with Lima split in two', () => {
    expect(DEPARTMENTS).toHaveLength(25);
    expect(listRegions()).toHaveLength(26);
    expect(new Set(listRegions().map((r) => r.code)).size).toBe(26);
    expect(isRegionCode('15')).toBe(true);
    expect(isRegionCode('1501')).toBe(true);
    expect(isRegionCode('1502')).toBe(false);
  });

  it.each([
    ['150101', LIMA_METROPOLITANA, 'Lima Metropolitana'],
    ['150143', LIMA_METROPOLITANA, 'Lima Metropolitana'],
    ['1501', LIMA_METROPOLITANA, 'Lima Metropolitana'],
    ['150501', LIMA_PROVINCIAS, 'Lima Provincias'],
    ['1510', LIMA_PROVINCIAS, 'Lima Provincias'],
    ['070101', '07', 'Callao'],
    ['080101', '08', 'Cusco'],
    ['020101', '02', 'Áncash'],
    ['250401', '25', 'Ucayali'],
  ])('places %s in region %s (%s)', (code, region, name) => {
    expect(regionOfPlace(code)).toBe(region);
    expect(regionName(region)).toBe(name);
  });

  it.each(['', '15', '1', '15010', '1501011', 'abcdef', '2601', '260101', '0108', '010801'])(
    'gives no region for the malformed or unknown code "%s"',
    (code) => expect(regionOfPlace(code)).toBeUndefined(),
  );

  it('gives every province to exactly one region, and every region at least one province', () => {
    const listed = listRegions().flatMap((region) => listProvinces(region.code).map((p) => p.code));
    expect(listed.sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    for (const region of listRegions()) expect(listProvinces(region.code).length).toBeGreaterThan(0);
  });

  it('splits Lima: one province in Lima Metropolitana, nine in Lima Provincias', () => {
    expect(listProvinces(LIMA_METROPOLITANA).map((p) => p.name)).toEqual(['Lima']);
    expect(listProvinces(LIMA_PROVINCIAS).map((p) => p.code)).toEqual(
      ['1502', '1503', '1504', '1505', '1506', '1507', '1508', '1509', '1510'],
    );
    expect(listProvinces('99')).toEqual([]);
  });

  it('has 196 provinces with unique 4-digit codes inside known departments', () => {
    expect(PROVINCES).toHaveLength(196);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(196);
    const departments = new Set(DEPARTMENTS.map((d) => d.code));
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^\d{4}$/);
      expect(departments.has(p.code.slice(0, 2))).toBe(true);
    }
  });

  it('names 0613 Santa Cruz (Cajamarca) and keeps Spanish accents', () => {
    expect(provinceName('0613')).toBe('Santa Cruz');
    expect(provinceName('0602')).toBe('Cajabamba');
    expect(provinceName('1505')).toBe('Cañete');
    expect(provinceName('0508')).toBe('Páucar del Sara Sara');
    expect(findRegion('22')?.name).toBe('San Martín');
  });
});
