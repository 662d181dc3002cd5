/// <reference types="vite/client" />
/**
 * The places a server has from its first start: the RED's regions and provinces always, and
 * INEI's district directory carried in the product (data/README.md: source and licence), read
 * through the same reader and importer as `npm run import:places`. The directory is loaded only
 * while the store holds no district at all: a newer directory imported later by hand is never
 * put back to the carried one by a restart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { hasFatalProblems, parseIneiDirectory } from './inei-directory';
import { importPlaces, type ImportSummary, type PlacesTable } from './places-store';
// Inlined into the server bundle by Vite (and by Vitest): no file to find at run time.
import CARRIED_DIRECTORY from './data/ubigeo-inei-2025.csv?raw';

/** What the start did with places: the import's summary and whether the carried directory was read. */
export interface SeedSummary extends ImportSummary {
  carriedDirectory: boolean;
}

/** Whether the store has ever held a district (live or retired). */
async function hasAnyDistrict(db: Kysely<Database>): Promise<boolean> {
  const row = await db.withTables<{ places: PlacesTable }>()
    .selectFrom('places').select('id').where('level', '=', 'district').limit(1).executeTakeFirst();
  return row !== undefined;
}

type Districts = ReturnType<typeof parseIneiDirectory>['districts'];
let carried: Districts | undefined;

/** The districts of the carried directory, read once per process (tests start many servers); throws on a broken file. */
export function readCarriedDistricts(): Districts {
  if (carried) return carried;
  const directory = parseIneiDirectory(CARRIED_DIRECTORY);
  if (hasFatalProblems(directory)) throw new Error('El directorio de distritos incluido tiene errores graves.');
  carried = directory.districts;
  return carried;
}

/** Seeds regions and provinces, and districts on a first start. Idempotent: a restart takes no versions. */
export async function seedPlaces(db: Kysely<Database>, now: Date): Promise<SeedSummary> {
  if (await hasAnyDistrict(db)) return { ...(await importPlaces(db, [], { now })), carriedDirectory: false };
  return { ...(await importPlaces(db, readCarriedDistricts(), { now })), carriedDirectory: true };
}
