/**
 * Region → province → district choices for the event form. Regions and provinces are compiled
 * in, so they work offline at once; districts come per region (districts-model) into the
 * catalogue's `places` table. Until then the list is empty and the province alone is a valid place.
 */
import { getDatabases } from '../db/connection';
import { listRegions, regionName } from '../shared/places/regions';
import { listProvinces, provinceName, regionOfPlace } from '../shared/places/provinces';
import { ensureRegionDistricts } from './districts-model';

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

/** Asks for the province's region's districts when this session has not yet; true when new ones came (list again). */
export function fetchDistrictsOf(provinceCode: string): Promise<boolean> {
  const region = regionOfPlace(provinceCode);
  return region ? ensureRegionDistricts(region) : Promise.resolve(false);
}

/** The districts of a province on this device, by name; empty until its region was fetched once. */
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
