import type { CatalogueDb } from './catalogue-db';

/** The key in the catalogue meta table that holds the serialised search index. */
export const SEARCH_INDEX_KEY = 'search:index';

/** A cached search index: valid for the catalogue cursor and entries key it was built at. */
export interface CachedSearchIndex {
  /** The catalogue pull cursor when it was last checked. */
  cursor: number;
  /** Summary of the entries' ids and content hashes it was built from (see `describeEntries`). */
  entriesKey: string;
  /** `JSON.stringify(miniSearch)`. */
  json: string;
}

/** The cached index, or undefined. Lives in the catalogue DB, so losing it costs a rebuild. */
export async function readSearchIndex(db: CatalogueDb): Promise<CachedSearchIndex | undefined> {
  const row = await db.meta.get(SEARCH_INDEX_KEY);
  const value = row?.value as Partial<CachedSearchIndex> | undefined;
  if (!value || typeof value.json !== 'string' || typeof value.entriesKey !== 'string' || typeof value.cursor !== 'number') return undefined;
  return value as CachedSearchIndex;
}

/** Keeps the index for the next visit; a full disk only loses the cache, never the catalogue. */
export async function writeSearchIndex(db: CatalogueDb, cached: CachedSearchIndex): Promise<void> {
  await db.meta.put({ key: SEARCH_INDEX_KEY, value: cached }).catch(() => undefined);
}
