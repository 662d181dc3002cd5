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
