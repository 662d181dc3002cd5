/**
 * How many districts (and so district municipalities) each RED region has, from INEI's 2025
 * directory (1,891 districts). The national report divides the municipalities a region's
 * people came from by this number. Compiled in, so the device reads it offline too; checked
 * against the directory file by `test/unit/places/district-counts.test.ts`.
 */
export const DISTRICTS_BY_REGION: Readonly<Record<string, number>> = {
  '01': 84, '02': 166, '03': 85, '04': 109, '05': 124, '06': 127, '07': 7, '08': 116, '09': 102,
  '10': 84, '11': 43, '12': 124, '13': 84, '14': 38, '15': 128, '1501': 43, '16': 53, '17': 11,
  '18': 21, '19': 29, '20': 65, '21': 110, '22': 78, '23': 28, '24': 13, '25': 19,
};

/** The number of districts of a RED region (0 for an unknown code). */
export function countDistricts(regionCode: string): number {
  return DISTRICTS_BY_REGION[regionCode] ?? 0;
}
