import { CATALOGUE_CURSOR_KEY, type CatalogueDb } from './catalogue-db';

export { CATALOGUE_CURSOR_KEY };

/** The catalogue pull cursor (0 before the first pull). */
export async function readCatalogueCursor(db: CatalogueDb): Promise<number> {
  const row = await db.meta.get(CATALOGUE_CURSOR_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}
