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
    history: history.map((h): EntryVersionInfo => ({ version: Number(h.version), publishedAt: h.published_at, publishedBy: h.published_by_name })),
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
  return { id, source: row.source, version: Number(row.version), publishedAt: row.published_at, publishedBy: row.published_by_name };
}
