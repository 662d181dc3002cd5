/**
 * Entity names suggested as the person types ("Municipalidad Distrital de …"), from the places
 * data: departments for the Direcciones Desconcentradas de Cultura, regions for the gobiernos
 * regionales, the compiled provinces, and the districts of the regions this phone fetched
 * (districts-model; offline, from IndexedDB; a region never fetched has no district suggestions).
 */
import { getDatabases } from '../db/connection';
import { ensureRegionDistricts, readDistrictsRevision } from './districts-model';
import { foldPlaceName } from '../shared/places/names';
import { DEPARTMENTS, listRegions, regionOfDepartment } from '../shared/places/regions';
import { PROVINCES, provinceName, regionOfPlace } from '../shared/places/provinces';
import { ENTITY_TYPES, type AttendancePerson } from '../shared/schemas/attendance';
import { t } from '../shared/i18n/workshops';

/** One suggested entity: its full name and the RED region it lies in. */
export interface EntitySuggestion {
  name: string;
  regionCode: string;
  detail?: string;
}

/** The words before the place in each entity's name ("Municipalidad Distrital de "), from the catalogue. */
const PREFIXES = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, t(`attendance.entityName.${type}`, { place: '' })]),
) as Record<AttendancePerson['entityType'], string>;

let districts: Promise<EntitySuggestion[]> | undefined;
let districtsRevision = -1;

function loadDistricts(): Promise<EntitySuggestion[]> {
  if (districtsRevision !== readDistrictsRevision()) districts = undefined;
  districtsRevision = readDistrictsRevision();
  districts ??= getDatabases().catalogue.places.where('level').equals('district').toArray()
    .then((rows) => rows.map((row) => {
      const code = String(row['code']);
      return { name: PREFIXES['municipalidad-distrital'] + String(row['name']), regionCode: regionOfPlace(code) ?? '', detail: provinceName(code.slice(0, 4)) ?? '' };
    }))
    .catch(() => []);
  return districts;
}

function listCandidates(type: AttendancePerson['entityType']): EntitySuggestion[] | Promise<EntitySuggestion[]> {
  if (type === 'ddc') return DEPARTMENTS.filter((d) => d.code !== '15').map((d) => ({ name: PREFIXES.ddc + d.name, regionCode: regionOfDepartment(d.code) ?? d.code }));
  if (type === 'gobierno-regional') return listRegions().map((r) => ({ name: PREFIXES['gobierno-regional'] + r.name, regionCode: r.code }));
  if (type === 'municipalidad-provincial') return PROVINCES.map((p) => ({ name: PREFIXES['municipalidad-provincial'] + p.name, regionCode: regionOfPlace(p.code) ?? '' }));
  if (type === 'municipalidad-distrital') return loadDistricts();
  return [];
}

/** What is left of the typed text once the entity type's words are set aside ("municipalidad distrital de"). */
function stripPrefix(typed: string, type: AttendancePerson['entityType']): string {
  const folded = foldPlaceName(typed);
  const prefix = foldPlaceName(PREFIXES[type]);
  for (let cut = prefix.length; cut > 0; cut -= 1) {
    if (folded.startsWith(prefix.slice(0, cut)) && (cut === prefix.length || prefix[cut] === ' ')) return folded.slice(cut).trim();
  }
  return folded;
}

/**
 * Up to `limit` entity names for what was typed, names starting with it first. With the person's
 * `regionCode`, a district municipality first makes sure that region's districts are on the phone.
 */
export async function suggestEntities(type: AttendancePerson['entityType'] | '', typed: string, limit = 6, regionCode = ''): Promise<EntitySuggestion[]> {
  if (!type || type === 'otra') return [];
  const query = stripPrefix(typed, type);
  if (!query) return [];
  if (type === 'municipalidad-distrital' && regionCode) await ensureRegionDistricts(regionCode);
  const all = await listCandidates(type);
  const prefix = foldPlaceName(PREFIXES[type]);
  const scored = all
    .map((s) => ({ s, place: foldPlaceName(s.name).slice(prefix.length) }))
    .filter(({ place }) => place.includes(query))
    .sort((a, b) => Number(!a.place.startsWith(query)) - Number(!b.place.startsWith(query)) || a.place.localeCompare(b.place, 'es'));
  return scored.slice(0, limit).map(({ s }) => s);
}
