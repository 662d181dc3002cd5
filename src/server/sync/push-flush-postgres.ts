/**
 * PostgreSQL: a staged push's rows and its versions in ONE statement (#12). The counter's lock
 * is held from the statement that takes it to the commit, and every other push waits that long:
 * taking the counter and writing every table in one statement leaves two round trips under the
 * lock (this statement and COMMIT) instead of one per table more. Each table's rows travel as
 * one JSON array (`jsonb_populate_recordset` gives each field its column's type) with their
 * versions as places 1…count; the statement adds the counter's old value.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { endLateVersionBlock } from '../store/version';

/** One table's rows to insert (new) or to rewrite (existing), every row with the same columns. */
export interface RowGroup {
  table: string;
  rows: Array<Record<string, unknown>>;
  isNew: boolean;
}

const VERSION_COLUMNS = new Set(['version', 'echo_version']);

/** Whether every row of the group has exactly the columns of the first (a missing one would be written NULL, not its default). */
function hasSameColumns(group: RowGroup): boolean {
  const columns = Object.keys(group.rows[0]!).sort().join(',');
  return group.rows.every((row) => Object.keys(row).sort().join(',') === columns);
}

/** Whether the groups can go in one statement: same columns within each group, and a version on every row. */
export function canWriteInOneStatement(groups: readonly RowGroup[]): boolean {
  return groups.every((g) => g.rows.length > 0 && hasSameColumns(g) && 'version' in g.rows[0]!);
}

/** `insert into <table> (…) select … from jsonb_populate_recordset(…)`, versions as counter + place. */
function writeGroup(group: RowGroup, placeOf: (version: number) => number): RawBuilder<unknown> {
  const columns = Object.keys(group.rows[0]!);
  const json = JSON.stringify(group.rows.map((row) => ({
    ...row,
    version: placeOf(Number(row.version)),
    ...(row.echo_version === null || row.echo_version === undefined ? {} : { echo_version: placeOf(Number(row.echo_version)) }),
  })));
  const selected = columns.map((c) => (VERSION_COLUMNS.has(c) ? sql`counter.base + r.${sql.ref(c)}` : sql`r.${sql.ref(c)}`));
  const target = sql`insert into ${sql.table(group.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(selected)} from jsonb_populate_recordset(null::${sql.table(group.table)}, ${json}::jsonb) as r, counter`;
  if (group.isNew) return target;
  const updates = columns.filter((c) => c !== 'id').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`);
  return sql`${target} on conflict (id) do update set ${sql.join(updates)}`;
}

/**
 * Takes as many versions as the push handed out and writes every group, in one statement. The
 * groups are written in their order (data-modifying CTEs all run; none reads another's rows).
 */
export async function writeInOneStatement(trx: Transaction<Database>, groups: readonly RowGroup[]): Promise<void> {
  const { count, placeOf } = endLateVersionBlock(trx);
  const writes = groups.map((group, i) => sql`${sql.raw(`w${i}`)} as (${writeGroup(group, placeOf)})`);
  await sql`with counter as (update sync_version set value = value + ${count} where id = 1 returning value - ${count} as base),
    ${sql.join(writes)}
    select base from counter`.execute(trx);
}
