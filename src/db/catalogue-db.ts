import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';

/** The name of the database of server-authored, read-only content. */
export const CATALOGUE_DB_NAME = 'tinkuy-catalogue';

/**
 * A catalogue row as pulled: the server's row as sent, plus `syncVersion`, the global version of
 * the change that brought it. A row's own `version` (an entry's content hash, a template's
 * number) is the server's and is never overwritten by the pull.
 */
export type CatalogueRow = { id: string; syncVersion?: number } & Record<string, unknown>;

/** One key/value pair of catalogue bookkeeping (the pull cursor). */
export interface CatalogueMetaRow {
  key: string;
  value: unknown;
}

/** The key of the catalogue pull cursor in `meta`. */
export const CATALOGUE_CURSOR_KEY = 'cursor:catalogue';

const PULLED_TABLES = ['entries', 'checklistTemplates', 'workshops', 'places'] as const;

/**
 * v1 pulls wrote the change's sync version over each row's own `version`: it moves to
 * `syncVersion`, and the cursor goes back to 0 so the next pull (online) brings every row again
 * with its true version. Offline, the rows stay readable meanwhile.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  for (const name of PULLED_TABLES) {
    await tx.table(name).toCollection().modify((row: Record<string, unknown>) => {
      if (typeof row['version'] !== 'number') return;
      row['syncVersion'] = row['version'];
      delete row['version'];
    });
  }
  await tx.table('meta').put({ key: CATALOGUE_CURSOR_KEY, value: 0 });
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
    // v2: only the indexes a query uses (entries are read by id or all at once; entries have
    // no `updatedAt`), and each row's own `version` kept apart from the pull's `syncVersion`.
    this.version(2)
      .stores({ entries: 'id', checklistTemplates: 'id', workshops: 'id, code, startsAt', places: 'id, parentCode, level', meta: 'key' })
      .upgrade(upgradeToV2);
  }
}

/** The catalogue tables, by the names the server uses in pull changes (snake or camel case). */
export const CATALOGUE_TABLES: Record<string, (typeof PULLED_TABLES)[number]> = {
  entries: 'entries',
  checklist_templates: 'checklistTemplates',
  checklistTemplates: 'checklistTemplates',
  workshops: 'workshops',
  places: 'places',
};
