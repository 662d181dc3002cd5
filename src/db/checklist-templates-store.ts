import type { CatalogueDb, CatalogueRow } from './catalogue-db';

/** One catalogue checklistTemplates row by id, or undefined (read-only: only a pull writes here). */
export function getChecklistTemplate(db: CatalogueDb, id: string): Promise<CatalogueRow | undefined> {
  return db.checklistTemplates.get(id);
}

/** Every checklistTemplates row on the device (empty until the first catalogue pull). */
export function listChecklistTemplates(db: CatalogueDb): Promise<CatalogueRow[]> {
  return db.checklistTemplates.toArray();
}
