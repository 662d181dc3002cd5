/**
 * A place as the catalogue pull carries it to devices (table `places`): a RED region, a
 * province or a district. Devices keep these rows in the catalogue database and read them
 * offline; regions and provinces are also compiled in (`regions.ts`, `provinces.ts`), so forms
 * work before the first pull.
 */

/** The three levels of place the RED uses. */
export const PLACE_LEVELS = ['region', 'province', 'district'] as const;
/** A level of place. */
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** One place row as pulled. */
export interface PlaceRow {
  /** `level:code`, because Lima Metropolitana (region 1501) and the province 1501 share a code. */
  id: string;
  level: PlaceLevel;
  /** INEI ubigeo (province 4 digits, district 6) or RED region code (`regions.ts`). */
  code: string;
  name: string;
  /** A district's province, a province's region; null for a region. */
  parentCode: string | null;
  /** The RED region the place belongs to (a region's own code for a region). */
  regionCode: string;
}

/** The id of a place row: its level and code, e.g. `district:150101`. */
export function makePlaceId(level: PlaceLevel, code: string): string {
  return `${level}:${code}`;
}

/** The level of an INEI place code by its length (6 district, 4 province), or undefined. */
export function levelOfPlaceCode(code: string): 'province' | 'district' | undefined {
  if (/^\d{6}$/.test(code)) return 'district';
  if (/^\d{4}$/.test(code)) return 'province';
  return undefined;
}
