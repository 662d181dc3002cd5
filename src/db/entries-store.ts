import type { CatalogueDb, CatalogueRow } from './catalogue-db';

/** One catalogue entries row by id, or undefined (read-only: only a pull writes here). */
export function getEntry(db: CatalogueDb, id: string): Promise<CatalogueRow | undefined> {
  return db.entries.get(id);
}

/** Every entries row on the device (empty until the first catalogue pull). */
export function listEntries(db: CatalogueDb): Promise<CatalogueRow[]> {
  return db.entries.toArray();
}
