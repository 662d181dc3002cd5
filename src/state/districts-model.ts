/**
 * Districts are fetched per region when first needed (a form's region is chosen), not in the
 * first catalogue download. Each region is checked once per app session: the first time it
 * brings the districts, later times a 304. Offline, what the phone has is used; a region never
 * fetched has no districts and the province alone stays a valid place.
 */
import type { CatalogueDb } from '../db/catalogue-db';
import { getDatabases } from '../db/connection';
import { readDistrictsTag, saveRegionDistricts } from '../db/districts-store';
import { fetchRegionDistricts } from '../sync/districts-client';

// Per database: a signed-out or fresh device (and each test's) starts with nothing checked.
const checkedByDb = new WeakMap<CatalogueDb, Map<string, Promise<boolean>>>();
let revision = 0;

/** Grows each time stored districts change, so caches built from them know to rebuild. */
export function readDistrictsRevision(): number {
  return revision;
}

async function checkRegion(db: CatalogueDb, checked: Map<string, Promise<boolean>>, regionCode: string): Promise<boolean> {
  const answer = await fetchRegionDistricts(regionCode, await readDistrictsTag(db, regionCode));
  if (answer.kind === 'unavailable') {
    checked.delete(regionCode); // try again next time: the connection may be back
    return false;
  }
  if (answer.kind === 'unchanged') return false;
  await saveRegionDistricts(db, regionCode, answer.districts, answer.tag);
  revision += 1;
  return true;
}

/** Makes sure the region's districts are on the phone; resolves true when new ones were stored. Never throws. */
export function ensureRegionDistricts(regionCode: string): Promise<boolean> {
  if (!regionCode) return Promise.resolve(false);
  let db: CatalogueDb;
  try {
    db = getDatabases().catalogue;
  } catch {
    return Promise.resolve(false); // no storage: the province alone is still a valid choice
  }
  const checked = checkedByDb.get(db) ?? new Map<string, Promise<boolean>>();
  checkedByDb.set(db, checked);
  let pending = checked.get(regionCode);
  if (!pending) {
    pending = checkRegion(db, checked, regionCode).catch(() => {
      checked.delete(regionCode);
      return false;
    });
    checked.set(regionCode, pending);
  }
  return pending;
}
