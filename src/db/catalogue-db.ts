import { Dexie, type DexieOptions, type Table } from 'dexie';

/** The name of the database of server-authored, read-only content. */
export const CATALOGUE_DB_NAME = 'tinkuy-catalogue';

/** A catalogue row as pulled: the server's fields plus the change id as key. */
export type CatalogueRow = { id: string; version?: number } & Record<string, unknown>;

/** One key/value pair of catalogue bookkeeping (the pull cursor). */
export interface CatalogueMetaRow {
  key: string;
  value: unknown;
}

/**
 * `tinkuy-catalogue`: entries, checklist templates, workshops and places. Nothing here is
 * written on the device except by a pull, so losing it costs only a re-download.
 */
export class CatalogueDb extends Dexie {
  entries!: Table<CatalogueRow, string>;
  checklistTemplates!: Table<CatalogueRow, string>;
  workshops!: Table<CatalogueRow, string>;
  places!: Table<CatalogueRow, string>;
  meta!: Table<CatalogueMetaRow, string>;

  constructor(options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    super(CATALOGUE_DB_NAME, options);
    this.version(1).stores({
      entries: 'id, kind, updatedAt',
      checklistTemplates: 'id',
      workshops: 'id, code, startsAt',
      places: 'id, parentCode, level',
      meta: 'key',
    });
  }
}

/** The catalogue tables, by the names the server uses in pull changes (snake or camel case). */
export const CATALOGUE_TABLES: Record<string, 'entries' | 'checklistTemplates' | 'workshops' | 'places'> = {
  entries: 'entries',
  checklist_templates: 'checklistTemplates',
  checklistTemplates: 'checklistTemplates',
  workshops: 'workshops',
  places: 'places',
};
