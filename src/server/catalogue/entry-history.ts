/** Reading an entry's Markdown and its published versions, for the coordinador's editor. */
import type { Kysely } from 'kysely';
import type { EntrySourceResponse, EntryVersionInfo, EntryVersionResponse } from '../../shared/catalogue/publishing';
import type { Database } from '../store/schema';
import { withCatalogueTables } from './catalogue-tables';

/** The live entry's current source and version with its history, newest first; undefined when unknown. */
export async function readEntrySource(db: Kysely<Database>, id: string): Promise<EntrySourceResponse | undefined> {
  const tables = withCatalogueTables(db);
  const row = await tables
    .selectFrom('catalogue_entries')
    .select(['source', 'version'])
    .where('id', '=', id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const history = await tables
    .selectFrom('catalogue_entry_history')
    .select(['version', 'published_at', 'published_by_name'])
    .where('entry_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return {
    id,
    source: row.source,
    version: Number(row.version),
    // Newest first: the newest is the entry's own version number `history.length`.
    history: history.map((h, i): EntryVersionInfo => ({ version: Number(h.version), edition: history.length - i, publishedAt: h.published_at, publishedBy: h.published_by_name })),
  };
}

/** One published version's source; undefined when the entry never had that version. */
export async function readEntryVersion(db: Kysely<Database>, id: string, version: number): Promise<EntryVersionResponse | undefined> {
  const row = await withCatalogueTables(db)
    .selectFrom('catalogue_entry_history')
    .select(['source', 'version', 'published_at', 'published_by_name'])
    .where('entry_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const edition = await countEditions(db, id, version);
  return { id, source: row.source, version: Number(row.version), edition, publishedAt: row.published_at, publishedBy: row.published_by_name };
}

/** How many versions of the entry were published up to `version` (all of them without it): its own version number. */
export async function countEditions(db: Kysely<Database>, id: string, version?: number): Promise<number> {
  let query = withCatalogueTables(db).selectFrom('catalogue_entry_history')
    .select((eb) => eb.fn.countAll<number | string>().as('n')).where('entry_id', '=', id);
  if (version !== undefined) query = query.where('version', '<=', version);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** Every entry's own current version number (how many versions it has), by entry id. */
export async function countAllEditions(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await withCatalogueTables(db).selectFrom('catalogue_entry_history')
    .select(['entry_id', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('entry_id').execute();
  return new Map(rows.map((row) => [row.entry_id, Number(row.n)]));
}
