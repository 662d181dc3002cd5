import type { Kysely } from 'kysely';
import type { Change, PullQuery, PullResponse } from '../../shared/protocol';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Database } from '../store/schema';
import { isEchoOf } from './echo';
import { PULL_TABLES, type PullTable } from './pull-tables';
import { whereVisible } from './visibility';

interface StoredSyncRow {
  id: string;
  version: number | string;
  deleted: number;
  echo_client?: string | null;
  echo_version?: number | string | null;
}

/** A change, or only its version when the pulling device already holds it (its own echo). */
type ReadChange = Change | { echoVersion: number };

const isChange = (read: ReadChange): read is Change => !('echoVersion' in read);
const versionOf = (read: ReadChange): number => (isChange(read) ? read.version : read.echoVersion);

/**
 * The caller's visible rows of one table past the cursor, at most `limit`, oldest version first;
 * a row the pulling device wrote itself, exactly as it holds it, comes as its version alone.
 */
async function readTableChanges(
  db: Kysely<Database>,
  def: PullTable,
  caller: AuthUser | undefined,
  pull: PullQuery,
  limit: number,
): Promise<ReadChange[]> {
  const visibility = def.visibility(caller);
  if (visibility.kind === 'none') return [];
  // The table name comes from the PULL_TABLES list, never from the request.
  let query = (db as unknown as Kysely<any>).selectFrom(def.table).selectAll().where('version', '>', pull.cursor);
  query = whereVisible(query, visibility);
  if (def.exclude) query = query.where(def.exclude.column, '!=', def.exclude.value);
  const rows = (await query.orderBy('version').limit(limit).execute()) as StoredSyncRow[];
  return rows.map((stored) => {
    const version = Number(stored.version);
    if (isEchoOf(stored, pull.clientId)) return { echoVersion: version };
    if (stored.deleted === 1) return { table: def.name, id: stored.id, version, deleted: true };
    const row = def.toRow(stored);
    return { table: def.name, id: stored.id, version, row: pull.lean && def.toLeanRow ? def.toLeanRow(row) : row };
  });
}

/**
 * Reads one page of a scope (DESIGN.md § Sync protocol, Pull). All tables are read in one
 * snapshot, so a push committing between two table reads cannot make the cursor jump over a row.
 * The page is cut by version over every row, echoes included, so the cursor moves past the
 * pulling device's own writes without sending them (#12).
 */
export async function readPullPage(ctx: AppContext, caller: AuthUser | undefined, query: PullQuery): Promise<PullResponse> {
  const tables = PULL_TABLES.filter((t) => t.scope === query.scope);
  if (tables.length === 0) return { changes: [], cursor: query.cursor, hasMore: false };
  const transaction = ctx.engine === 'postgres' ? ctx.db.transaction().setIsolationLevel('repeatable read') : ctx.db.transaction();
  const all = await transaction.execute(async (trx) => {
    const perTable: ReadChange[][] = [];
    // One query at a time: a transaction has one connection.
    for (const def of tables) perTable.push(await readTableChanges(trx, def, caller, query, query.limit + 1));
    return perTable.flat().sort((a, b) => versionOf(a) - versionOf(b));
  });
  const page = all.slice(0, query.limit);
  const last = page[page.length - 1];
  return { changes: page.filter(isChange), cursor: last ? versionOf(last) : query.cursor, hasMore: all.length > query.limit };
}
