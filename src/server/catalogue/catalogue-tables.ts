/**
 * The catalogue tables as Kysely sees them (migration 910-catalogue). Kept beside the code that
 * writes them and joined to the shared `Database` with `withTables`, like `places`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncableColumns } from '../store/schema';

/** One entry: the compiled row devices pull, its Markdown source and where it came from. */
export interface CatalogueEntriesTable extends SyncableColumns {
  /** Content hash of the compiled entry (`Entry.version`). */
  hash: string;
  /** JSON of the compiled `Entry`. */
  row: string;
  source: string;
  /** Hash of this entry in the build that last loaded it; null when it was created in the app. */
  build_hash: string | null;
}

/** Every published version of an entry, with who published it and when. */
export interface CatalogueEntryHistoryTable {
  entry_id: string;
  version: number;
  hash: string;
  source: string;
  published_at: string;
  /** The coordinador's user id; null for a version loaded from the build. */
  published_by: string | null;
  published_by_name: string;
}

/** One checklist template: the compiled row devices pull. */
export interface CatalogueTemplatesTable extends SyncableColumns {
  hash: string;
  /** JSON of the compiled `ChecklistTemplate`. */
  row: string;
  build_hash: string | null;
}

/** The catalogue's own tables. */
export type CatalogueTables = {
  catalogue_entries: CatalogueEntriesTable;
  catalogue_entry_history: CatalogueEntryHistoryTable;
  catalogue_templates: CatalogueTemplatesTable;
};

/** The database with the catalogue tables in view. */
export type CatalogueDatabase = Database & CatalogueTables;

/** The same connection or transaction, typed to see the catalogue tables. */
export function withCatalogueTables<D extends Kysely<Database> | Transaction<Database>>(db: D): D extends Transaction<Database> ? Transaction<CatalogueDatabase> : Kysely<CatalogueDatabase> {
  return db.withTables<CatalogueTables>() as never;
}
