/**
 * "Anything new for me?" (#10, live screens): the cheapest question an open screen asks every
 * 30 s. For each scope, whether a row the caller may pull sits past the device's cursor — not
 * counting the device's own echoes (#12), which its next pull would leave out anyway. One
 * indexed `limit 1` probe per table, in one snapshot like a pull.
 */
import type { Kysely } from 'kysely';
import type { PullScope } from '../../shared/protocol';
import type { AuthUser } from '../auth/sessions';
import type { AppContext } from '../context';
import type { Database } from '../store/schema';
import { whereNotEchoOf } from './echo';
import { whereVisible } from './visibility';
import { PULL_TABLES, type PullTable } from './pull-tables';

/** The device's cursors (a scope left out is not asked about) and its id. */
export interface HeadQuery {
  cursors: Partial<Record<PullScope, number>>;
  clientId?: string;
}

/** Whether one table holds a row for the caller past `cursor` that is not the device's own echo. */
async function hasNewRow(db: Kysely<Database>, def: PullTable, caller: AuthUser | undefined, cursor: number, clientId: string | undefined): Promise<boolean> {
  const visibility = def.visibility(caller);
  if (visibility.kind === 'none') return false;
  // The table name comes from the PULL_TABLES list, never from the request.
  let query = (db as unknown as Kysely<any>).selectFrom(def.table).select('version').where('version', '>', cursor);
  query = whereVisible(query, visibility);
  if (def.hasEcho && clientId) query = whereNotEchoOf(query, clientId);
  return (await query.limit(1).execute()).length > 0;
}

/** The scopes with something new for the caller; empty when an open screen is already true. */
export async function readNewScopes(ctx: AppContext, caller: AuthUser | undefined, query: HeadQuery): Promise<PullScope[]> {
  const asked = PULL_TABLES.filter((def) => query.cursors[def.scope] !== undefined);
  const transaction = ctx.engine === 'postgres' ? ctx.db.transaction().setIsolationLevel('repeatable read') : ctx.db.transaction();
  return transaction.execute(async (trx) => {
    const found = new Set<PullScope>();
    for (const def of asked) {
      if (found.has(def.scope)) continue;
      if (await hasNewRow(trx, def, caller, query.cursors[def.scope]!, query.clientId)) found.add(def.scope);
    }
    return [...found];
  });
}
