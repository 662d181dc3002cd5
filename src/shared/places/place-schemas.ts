/**
 * Valibot checks for place codes in mutation args, so device and server refuse the same codes
 * with the same Spanish message. They use the compiled lists: no pull is needed, offline too.
 */
import * as v from 'valibot';
import { regionOfPlace } from './provinces';
import { isRegionCode } from './regions';

/** A RED region code (`regions.ts`): `01`…`25` for departments, `1501` and `15` for Lima. */
export const RegionCode = v.pipe(v.string(), v.check(isRegionCode, 'Región no válida.'));

/** A province (4 digits) or district (6 digits) ubigeo inside one of our 196 provinces. */
export const KnownPlaceCode = v.pipe(
  v.string(),
  v.check((code) => regionOfPlace(code) !== undefined, 'Código de lugar (ubigeo) no válido.'),
);

/** `GET /api/places/districts?region=…`: the districts of one RED region. */
export const DistrictsQuery = v.object({ region: RegionCode });

/** One district as the districts answer carries it: its ubigeo and name (province and region follow from the code). */
export const DistrictEntry = v.tuple([v.pipe(v.string(), v.regex(/^\d{6}$/)), v.string()]);

/** The districts of a region, `[ubigeo, name]` pairs: about 20 bytes each, so a region weighs a few KiB. */
export const DistrictsResponse = v.object({ region: RegionCode, districts: v.array(DistrictEntry) });
/** The answer's type. */
export type DistrictsResponse = v.InferOutput<typeof DistrictsResponse>;
