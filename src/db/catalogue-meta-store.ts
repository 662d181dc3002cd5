import type { CatalogueDb } from './catalogue-db';

/** The key of the catalogue pull cursor. */
export const CATALOGUE_CURSOR_KEY = 'cursor:catalogue';

/** The catalogue pull cursor (0 before the first pull). */
export async function readCatalogueCursor(db: CatalogueDb): Promise<number> {
  const row = await db.meta.get(CATALOGUE_CURSOR_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}
