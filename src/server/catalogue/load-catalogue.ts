/**
 * Loads the compiled catalogue into the store on start. Idempotent and versioned: an unchanged
 * entry takes no version, a changed one takes exactly one, an entry gone from the build becomes
 * a tombstone — so a device's next catalogue pull carries only what changed.
 *
 * Build versus app: each stored entry remembers `build_hash`, the hash this entry had in the
 * build that last loaded it. The build overwrites an entry only when the build's own content for
 * it changed since that load (the content authors changed the file). Restarting with the same
 * build — or an older deploy of the same content — therefore never undoes what a coordinador
 * published in the app. Entries created in the app (no build_hash) are never tombstoned by a build.
 */
import type { Kysely, Transaction } from 'kysely';
import { hashOf } from '../../content/compiler/compile-catalogue';
import type { Catalogue } from '../../shared/catalogue/catalogue';
import type { Entry } from '../../shared/catalogue/entry';
import type { ChecklistTemplate } from '../../shared/catalogue/template';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import { withCatalogueTables, type CatalogueDatabase } from './catalogue-tables';

/** What one load did to one table. */
export interface LoadCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Rows created in the app that the build does not know, left alone. */
  kept: number;
}

/** What a load did, and how many versions it took from the global counter. */
export interface LoadSummary {
  entries: LoadCounts;
  templates: LoadCounts;
  versionsTaken: number;
}

/** Who the history names for versions that came from the build. */
export const BUILD_PUBLISHER_NAME = 'Catálogo compilado';

interface BuildItem {
  id: string;
  hash: string;
  row: string;
  source?: string;
}

interface StoredItem {
  id: string;
  hash: string;
  build_hash: string | null;
  deleted: number;
}

type Trx = Transaction<CatalogueDatabase>;
type TableName = 'catalogue_entries' | 'catalogue_templates';

const emptyCounts = (): LoadCounts => ({ inserted: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 });

/**
 * Loads `catalogue` (and each entry's Markdown from `sources`, by id) in one transaction. On
 * PostgreSQL the version counter is locked first, so two processes starting together load once.
 */
export async function loadCatalogue(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  catalogue: Catalogue,
  sources: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<LoadSummary> {
  const entries = catalogue.entries.map((entry) => toBuildEntry(entry, sources.get(entry.id)));
  const templates = catalogue.templates.map(toBuildTemplate);
  return runInTransaction(db, async (plain) => {
    await lockVersionCounter(plain, engine);
    const trx = withCatalogueTables(plain);
    const summary: LoadSummary = { entries: emptyCounts(), templates: emptyCounts(), versionsTaken: 0 };
    const at = now.toISOString();
    summary.versionsTaken += await loadItems(trx, 'catalogue_entries', entries, summary.entries, at);
    summary.versionsTaken += await loadItems(trx, 'catalogue_templates', templates, summary.templates, at);
    return summary;
  });
}

function toBuildEntry(entry: Entry, source: string | undefined): BuildItem {
  return { id: entry.id, hash: entry.version, row: JSON.stringify(entry), source: source ?? '' };
}

function toBuildTemplate(template: ChecklistTemplate): BuildItem {
  return { id: template.id, hash: hashOf(template), row: JSON.stringify(template) };
}

// Upserts the build's rows, then retires build rows the build no longer has. Returns versions taken.
async function loadItems(trx: Trx, table: TableName, items: BuildItem[], counts: LoadCounts, at: string): Promise<number> {
  const stored = (await trx.selectFrom(table).select(['id', 'hash', 'build_hash', 'deleted']).execute()) as StoredItem[];
  const byId = new Map(stored.map((row) => [row.id, row]));
  let taken = 0;
  for (const item of items) {
    const old = byId.get(item.id);
    byId.delete(item.id);
    if (old && old.deleted === 0 && (old.build_hash === item.hash || old.hash === item.hash)) {
      // Same build content (or the app already holds exactly it): only note the build's hash.
      if (old.build_hash !== item.hash) await trx.updateTable(table).set({ build_hash: item.hash }).where('id', '=', item.id).execute();
      counts.unchanged += 1;
      continue;
    }
    const version = await nextVersion(trx);
    taken += 1;
    await writeBuildItem(trx, table, item, old !== undefined, version, at);
    counts[old ? 'updated' : 'inserted'] += 1;
  }
  for (const old of byId.values()) {
    if (old.deleted === 1) continue;
    if (old.build_hash === null) {
      counts.kept += 1;
      continue;
    }
    const version = await nextVersion(trx);
    taken += 1;
    await trx.updateTable(table).set({ deleted: 1, build_hash: null, version, updated_at: at }).where('id', '=', old.id).execute();
    counts.removed += 1;
  }
  return taken;
}

async function writeBuildItem(trx: Trx, table: TableName, item: BuildItem, exists: boolean, version: number, at: string): Promise<void> {
  const values = { hash: item.hash, row: item.row, build_hash: item.hash, deleted: 0, version, updated_at: at };
  if (table === 'catalogue_entries') {
    const source = item.source ?? '';
    if (exists) await trx.updateTable(table).set({ ...values, source }).where('id', '=', item.id).execute();
    else await trx.insertInto(table).values({ ...values, id: item.id, source }).execute();
    await trx
      .insertInto('catalogue_entry_history')
      .values({ entry_id: item.id, version, hash: item.hash, source, published_at: at, published_by: null, published_by_name: BUILD_PUBLISHER_NAME })
      .execute();
    return;
  }
  if (exists) await trx.updateTable(table).set(values).where('id', '=', item.id).execute();
  else await trx.insertInto(table).values({ ...values, id: item.id }).execute();
}
