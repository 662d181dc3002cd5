import type { Transaction } from 'kysely';
import type { Database } from './schema';
import { nextVersion } from './version';

/** Tables whose rows sync and can become tombstones. */
export type SyncedTable = 'events' | 'checklist_runs' | 'checklist_items';

/**
 * Turns a row into a tombstone: it keeps its id and owner (so the same people see it go), takes
 * a new version, and pulls answer `{table, id, version, deleted: true}` until every device has
 * dropped it. For removals decided on the server (a coordinador deleting a person's data, Ley
 * 29733); returns false when there is no live row with that id.
 */
export async function markRowDeleted(trx: Transaction<Database>, table: SyncedTable, id: string, nowIso: string): Promise<boolean> {
  const version = await nextVersion(trx);
  const result = await trx
    .updateTable(table)
    .set({ deleted: 1, version, updated_at: nowIso })
    .where('id', '=', id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
