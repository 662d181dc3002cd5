import type { CatalogueDb, CatalogueRow } from './catalogue-db';

/** One catalogue places row by id, or undefined (read-only: only a pull writes here). */
export function getPlace(db: CatalogueDb, id: string): Promise<CatalogueRow | undefined> {
  return db.places.get(id);
}

/** Every places row on the device (empty until the first catalogue pull). */
export function listPlaces(db: CatalogueDb): Promise<CatalogueRow[]> {
  return db.places.toArray();
}
