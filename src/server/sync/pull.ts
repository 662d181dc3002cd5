import type { Kysely } from 'kysely';
import type { Change, PullQuery, PullResponse } from '../../shared/protocol';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Database } from '../store/schema';
import { whereEchoOf, whereNotEchoOf } from './echo';
import { PULL_TABLES, type PullTable } from './pull-tables';
import { whereVisible, type Visibility } from './visibility';

interface StoredSyncRow {
  id: string;
  version: number | string;
  deleted: number;
}

/** The caller's visible rows of one table past the pull's cursor (the table's own exclusions applied). */
function selectPastCursor(db: Kysely<Database>, def: PullTable, visibility: Visibility, pull: PullQuery) {
  // The table name comes from the PULL_TABLES list, never from the request.
  let query = (db as unknown as Kysely<any>).selectFrom(def.table).where('version', '>', pull.cursor);
  query = whereVisible(query, visibility);
  return def.exclude ? query.where(def.exclude.column, '!=', def.exclude.value) : query;
}

/** Whether the pull leaves this table's rows written by the pulling device out (#12, no echo). */
const skipsEchoes = (def: PullTable, pull: PullQuery): pull is PullQuery & { clientId: string } => def.hasEcho === true && pull.clientId !== undefined;

/**
 * The caller's visible rows of one table past the cursor, at most `limit`, oldest version first,
 * leaving out the rows the pulling device wrote itself, exactly as it holds them (#12).
 */
async function readTableChanges(db: Kysely<Database>, def: PullTable, caller: AuthUser | undefined, pull: PullQuery, limit: number): Promise<Change[]> {
  const visibility = def.visibility(caller);
  if (visibility.kind === 'none') return [];
  const past = selectPastCursor(db, def, visibility, pull);
  const query = skipsEchoes(def, pull) ? whereNotEchoOf(past, pull.clientId) : past;
  const rows = (await query.selectAll().orderBy('version').limit(limit).execute()) as StoredSyncRow[];
  return rows.map((stored) => {
    const version = Number(stored.version);
    if (stored.deleted === 1) return { table: def.name, id: stored.id, version, deleted: true };
    const row = def.toRow(stored);
    return { table: def.name, id: stored.id, version, row: pull.lean && def.toLeanRow ? def.toLeanRow(row) : row };
  });
}

/** The newest version past the cursor among the pulling device's own echoes in one table; 0 when none. */
async function readNewestEcho(db: Kysely<Database>, def: PullTable, caller: AuthUser | undefined, pull: PullQuery): Promise<number> {
  const visibility = def.visibility(caller);
  if (visibility.kind === 'none' || !skipsEchoes(def, pull)) return 0;
  const echoes = whereEchoOf(selectPastCursor(db, def, visibility, pull), pull.clientId);
  const found = (await echoes.select((eb: any) => eb.fn.max('version').as('newest')).executeTakeFirst()) as { newest: number | string | null } | undefined;
  return Number(found?.newest ?? 0);
}

/**
 * Reads one page of a scope (DESIGN.md § Sync protocol, Pull). All tables are read in one
 * snapshot, so a push committing between two table reads cannot make the cursor jump over a row.
 * The pulling device's own echoes take no place on a page (#12): the page holds up to `limit`
 * changes it does not have, and the last page's cursor moves past its echoes too — after a push
 * of 500, a pull of what others wrote is one round trip, not two (Slow 3G: 2 s each).
 */
export async function readPullPage(ctx: AppContext, caller: AuthUser | undefined, query: PullQuery): Promise<PullResponse> {
  const tables = PULL_TABLES.filter((t) => t.scope === query.scope);
  if (tables.length === 0) return { changes: [], cursor: query.cursor, hasMore: false };
  const transaction = ctx.engine === 'postgres' ? ctx.db.transaction().setIsolationLevel('repeatable read') : ctx.db.transaction();
  return transaction.execute(async (trx) => {
    const perTable: Change[][] = [];
    // One query at a time: a transaction has one connection.
    for (const def of tables) perTable.push(await readTableChanges(trx, def, caller, query, query.limit + 1));
    const all = perTable.flat().sort((a, b) => a.version - b.version);
    const changes = all.slice(0, query.limit);
    const last = changes[changes.length - 1]?.version ?? query.cursor;
    if (all.length > query.limit) return { changes, cursor: last, hasMore: true };
    // Every change past the cursor is on this page: the cursor may move past the newest echo as well.
    let cursor = last;
    for (const def of tables) cursor = Math.max(cursor, await readNewestEcho(trx, def, caller, query));
    return { changes, cursor, hasMore: false };
  });
}
