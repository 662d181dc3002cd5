import { describe, expect, it } from 'vitest';
import { hasFatalProblems, parseIneiDirectory } from '../../../src/server/places/inei-directory';
import { readDelimitedRows } from '../../../src/server/places/delimited-text';
import { DEPARTMENTS, departmentName } from '../../../src/shared/places/regions';
import { PROVINCES, provinceName } from '../../../src/shared/places/provinces';
import { foldPlaceName } from '../../../src/shared/places/names';
import { hasIneiFile, readIneiFile, skipReason } from './inei-file';

if (!hasIneiFile) console.warn(skipReason);

describe.skipIf(!hasIneiFile)("INEI's 2025 directory, read for real", () => {
  const text = hasIneiFile ? readIneiFile() : '';
  const directory = parseIneiDirectory(text);

  it('reads 1,891 districts in 196 provinces and 25 departments, none left out', () => {
    expect(directory.districts).toHaveLength(1891);
    expect(new Set(directory.districts.map((d) => d.provinceCode)).size).toBe(196);
    expect(new Set(directory.districts.map((d) => d.departmentCode)).size).toBe(25);
    expect(hasFatalProblems(directory)).toBe(false);
  });

  it('puts every district in one of our provinces and departments', () => {
    for (const district of directory.districts) {
      expect(provinceName(district.provinceCode), district.code).toBeDefined();
      expect(departmentName(district.departmentCode), district.code).toBeDefined();
    }
  });

  it('reports province "Ninabamba" of 061306 and puts it in Santa Cruz', () => {
    expect(directory.problems).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'province_name', code: '061306' }),
    ]);
    expect(directory.mended).toContainEqual({ code: '061306', field: 'province', from: 'Ninabamba', to: 'Santa Cruz' });
  });

  it('mends the cut-short Santa Cruz de Toledo, the double space and the capitalised particles', () => {
    const byCode = new Map(directory.districts.map((d) => [d.code, d]));
    expect(byCode.get('060506')).toMatchObject({ name: 'Santa Cruz de Toledo', capital: 'Santa Cruz de Toledo' });
    expect(byCode.get('060312')?.capital).toBe('La Libertad de Pallán');
    expect(byCode.get('150143')?.name).toBe('Villa María del Triunfo');
    expect(byCode.get('150120')?.name).toBe('Magdalena del Mar');
    expect(byCode.get('070103')?.name).toBe('Carmen de la Legua Reynoso');
    expect(byCode.get('150137')?.capital).toBe('Santa Anita - Los Ficus');
    expect(byCode.get('150142')?.name).toBe('Villa El Salvador');
    expect(directory.mended).toContainEqual({ code: '060312', field: 'capital', from: 'La Libertad de  Pallán', to: 'La Libertad de Pallán' });
  });

  it('changes nothing but the known faults: every mend is listed and explained', () => {
    const fields = new Set(directory.mended.map((m) => m.field));
    expect([...fields].sort()).toEqual(['capital', 'name', 'province']);
    for (const mend of directory.mended) {
      const isSpacingOrCase = foldPlaceName(mend.from) === foldPlaceName(mend.to) || mend.from.replace(/ +/g, ' ') === mend.to;
      const isKnown = mend.code === '060506' || mend.code === '061306';
      expect(isSpacingOrCase || isKnown, JSON.stringify(mend)).toBe(true);
    }
    expect(directory.mended.length).toBeLessThan(30);
  });

  it('agrees with our 196 province names, once the Ninabamba row is set aside', () => {
    const rows = readDelimitedRows(text).slice(1);
    const disagreements = new Set<string>();
    for (const fields of rows.map((r) => r.fields)) {
      const [, province, , code] = fields;
      const ours = provinceName(code!.slice(0, 4));
      if (foldPlaceName(province!) !== foldPlaceName(ours ?? '')) disagreements.add(`${code} ${province} ≠ ${ours}`);
    }
    expect([...disagreements]).toEqual(['061306 Ninabamba ≠ Santa Cruz']);
    const seen = new Set(rows.map((r) => r.fields[3]!.slice(0, 4)));
    expect(PROVINCES.filter((p) => !seen.has(p.code))).toEqual([]);
  });

  it('spells our province and department names exactly as the file does, accents included', () => {
    const fileNames = new Map<string, string>();
    for (const { fields } of readDelimitedRows(text).slice(1)) {
      if (fields[3] !== '061306') fileNames.set(fields[3]!.slice(0, 4), fields[1]!);
      fileNames.set(fields[3]!.slice(0, 2), fields[0]!);
    }
    const ours = [...PROVINCES, ...DEPARTMENTS].map((p) => [p.code, p.name]);
    expect(ours.filter(([code, name]) => fileNames.get(code!) !== name)).toEqual([]);
  });

  it('reads numbers and coordinates for every district', () => {
    for (const d of directory.districts) {
      expect(d.population, d.code).toBeGreaterThan(0);
      expect(d.lat! < 0 && d.lon! < -68, d.code).toBe(true);
      expect(d.altitude, d.code).not.toBeNull();
      expect(['Ciudad', 'Pueblo', 'Villa']).toContain(d.category);
    }
    expect(directory.districts.find((d) => d.code === '010101')).toEqual({
      code: '010101', name: 'Chachapoyas', provinceCode: '0101', departmentCode: '01', capital: 'Chachapoyas',
      category: 'Ciudad', altitude: 2338, population: 41843, lat: -6.22944444, lon: -77.87277778,
    });
  });
});
