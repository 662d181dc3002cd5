import type { CatalogueDb, StoredEntry } from './catalogue-db';

/** One catalogue entry by id, or undefined (read-only: only a pull writes here). */
export function getEntry(db: CatalogueDb, id: string): Promise<StoredEntry | undefined> {
  return db.entries.get(id);
}

/** Every entry on the device (empty until the first catalogue pull). */
export function listEntries(db: CatalogueDb): Promise<StoredEntry[]> {
  return db.entries.toArray();
}
