import type { CatalogueDb, StoredTemplate } from './catalogue-db';

/** One checklist template by id, or undefined (read-only: only a pull writes here). */
export function getChecklistTemplate(db: CatalogueDb, id: string): Promise<StoredTemplate | undefined> {
  return db.checklistTemplates.get(id);
}

/** Every checklist template on the device (empty until the first catalogue pull). */
export function listChecklistTemplates(db: CatalogueDb): Promise<StoredTemplate[]> {
  return db.checklistTemplates.toArray();
}
