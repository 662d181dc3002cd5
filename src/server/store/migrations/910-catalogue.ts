import type { Kysely } from 'kysely';
import { BIGINT, createPulledTable, createTable, dropTables, NULLABLE_TEXT, TEXT } from './tables';

/**
 * The catalogue as the server keeps it: entries (compiled row, Markdown source, the hash of the
 * build that last loaded it) with their publishing history, and checklist templates. Like every
 * pulled table they carry a version from the global counter and a tombstone flag.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPulledTable(db, 'catalogue_entries', { hash: TEXT, row: TEXT, source: TEXT, build_hash: NULLABLE_TEXT });
  await createTable(
    db,
    'catalogue_entry_history',
    {
      entry_id: TEXT, version: BIGINT, hash: TEXT, source: TEXT, published_at: TEXT,
      published_by: NULLABLE_TEXT, published_by_name: TEXT,
    },
    { name: 'catalogue_entry_history_pk', columns: ['entry_id', 'version'] },
  );
  await createPulledTable(db, 'catalogue_templates', { hash: TEXT, row: TEXT, build_hash: NULLABLE_TEXT });
}

/** Drops the catalogue tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, ['catalogue_templates', 'catalogue_entry_history', 'catalogue_entries']);
}
