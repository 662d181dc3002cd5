import type { CatalogueDb, CatalogueRow } from './catalogue-db';

/** One catalogue workshops row by id, or undefined (read-only: only a pull writes here). */
export function getWorkshop(db: CatalogueDb, id: string): Promise<CatalogueRow | undefined> {
  return db.workshops.get(id);
}

/** Every workshops row on the device (empty until the first catalogue pull). */
export function listWorkshops(db: CatalogueDb): Promise<CatalogueRow[]> {
  return db.workshops.toArray();
}
