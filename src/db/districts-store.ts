/**
 * The districts of each region the phone has asked for (`places` rows of level district), with
 * the server's tag of what it sent, so the next check costs a 304. Offline, the stored ones are
 * read as they are; a region never fetched has none.
 */
import { makePlaceId } from '../shared/places/place-row';
import type { CatalogueDb, StoredPlace } from './catalogue-db';

const tagKey = (regionCode: string) => `districts:${regionCode}`;

/** The tag of the districts stored for a region, or undefined if none were ever fetched. */
export async function readDistrictsTag(db: CatalogueDb, regionCode: string): Promise<string | undefined> {
  const row = await db.meta.get(tagKey(regionCode));
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** Replaces the region's districts and their tag in one transaction (a retired district goes). */
export async function saveRegionDistricts(
  db: CatalogueDb, regionCode: string, districts: ReadonlyArray<readonly [string, string]>, tag: string,
): Promise<void> {
  const rows: StoredPlace[] = districts.map(([code, name]) => ({
    id: makePlaceId('district', code), level: 'district', code, name, parentCode: code.slice(0, 4), regionCode,
  }));
  await db.transaction('rw', db.places, db.meta, async () => {
    const stale = await db.places.where('level').equals('district').filter((row) => row.regionCode === regionCode).primaryKeys();
    await db.places.bulkDelete(stale);
    await db.places.bulkPut(rows);
    await db.meta.put({ key: tagKey(regionCode), value: tag });
  });
}
