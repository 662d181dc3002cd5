/**
 * Region → province → district choices for the event form. Regions and provinces are compiled
 * in, so they work offline at once; districts come from the catalogue's `places` table once a
 * pull brought them. Until then the list is empty and the province alone is a valid place.
 */
import { getDatabases } from '../db/connection';
import { listRegions, regionName } from '../shared/places/regions';
import { listProvinces, provinceName } from '../shared/places/provinces';

/** One option of a picker. */
export interface PlaceOption {
  code: string;
  name: string;
}

/** The 26 RED regions. */
export function listRegionOptions(): PlaceOption[] {
  return listRegions().map((r) => ({ code: r.code, name: r.name }));
}

/** The provinces of a region (none for an empty code). */
export function listProvinceOptions(regionCode: string): PlaceOption[] {
  return regionCode ? listProvinces(regionCode).map((p) => ({ code: p.code, name: p.name })) : [];
}

/** The districts of a province on this device, by name; empty before the first catalogue pull. */
export async function listDistrictOptions(provinceCode: string): Promise<PlaceOption[]> {
  if (!provinceCode) return [];
  try {
    const rows = await getDatabases().catalogue.places.where('parentCode').equals(provinceCode).toArray();
    return rows
      .filter((row) => row['level'] === 'district')
      .map((row) => ({ code: String(row['code']), name: String(row['name']) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'es'));
  } catch {
    return []; // no storage: the province alone is still a valid choice
  }
}

/** A place code in words ("Huamanga, Ayacucho"), districts from the catalogue when known. */
export async function describePlace(code: string): Promise<string> {
  const province = provinceName(code.slice(0, 4)) ?? '';
  const region = regionName(code.length === 2 ? code : '') ?? '';
  if (code.length !== 6) return province || region || code;
  try {
    const row = await getDatabases().catalogue.places.get(`district:${code}`);
    return row ? `${String(row['name'])}, ${province}` : province;
  } catch {
    return province;
  }
}
