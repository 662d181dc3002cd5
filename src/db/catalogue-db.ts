import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { ChecklistTemplate, Entry } from '../shared/catalogue';
import type { PlaceRow } from '../shared/places/place-row';
import type { WorkshopRow } from '../shared/schemas/workshop';

/** The name of the database of server-authored, read-only content. */
export const CATALOGUE_DB_NAME = 'tinkuy-catalogue';

/**
 * Every catalogue row is the server's row as pulled, plus `syncVersion`, the global version of
 * the change that brought it. A row's own `version` (an entry's content hash, a template's
 * number) is the server's and is never overwritten by the pull.
 */
interface Pulled {
  syncVersion?: number;
}

/** An entry as stored. Rows kept from a v1 device lack `version` until the next pull brings them again. */
export type StoredEntry = Omit<Entry, 'version'> & { version?: string } & Pulled;
/** A template as stored: `version` is the template's own number (kept in checklist runs). */
export type StoredTemplate = ChecklistTemplate & Pulled;
/** A workshop on the device: the pulled row, or one saved here and not yet confirmed by a pull (`isLocal`). */
export type LocalWorkshop = WorkshopRow & Pulled & { isLocal?: boolean };
/** A place (region, province, district) as stored. */
export type StoredPlace = PlaceRow & Pulled;

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
  entries!: Table<StoredEntry, string>;
  checklistTemplates!: Table<StoredTemplate, string>;
  workshops!: Table<LocalWorkshop, string>;
  places!: Table<StoredPlace, string>;
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
