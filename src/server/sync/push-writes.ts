/**
 * Writes a push's rows at its end, several rows per statement, after taking the version counter
 * (#12: the counter serialises every push, so the less a push does while holding it, the more
 * pushes per second one PostgreSQL takes). While a push stages (`startStaging`), `writeRow` only
 * records the row as it will stand — the handler keeps it in the push's snapshot (push-reads.ts)
 * so the next mutation reads it — and its versions are provisional (store/version.ts). At the end
 * `flushStaged` takes the counter once, turns the provisional versions into real ones, and writes
 * each table in one INSERT for the new rows and one upsert for the changed ones (chunked). Outside
 * staging, `writeRow` writes at once, as before.
 */
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { takeLateVersions } from '../store/version';
import { canWriteInOneStatement, writeInOneStatement, type RowGroup } from './push-flush-postgres';
import { forgetRow, keepRow, type CachedTable, type RowOf } from './push-reads';

interface StagedRow {
  row: Record<string, unknown> & { id: string };
  /** The row did not exist before this push: a plain INSERT, so a row someone else made meanwhile is a conflict, not overwritten. */
  isNew: boolean;
}

/** Rows in the order they were first staged, per table. */
type Staging = Map<CachedTable, Map<string, StagedRow>>;

/** The order tables are written in at the end: a row before the rows that name it. */
const WRITE_ORDER: readonly CachedTable[] = ['workshops', 'attendance', 'events', 'checklist_runs', 'checklist_items'];

const stagings = new WeakMap<object, Staging>();

/**
 * Thrown by a handler that met, in a staged push, a case it can only handle writing as it goes
 * (a self check-in: capacity counts and proposals read what the push wrote): the push runs
 * again, direct.
 */
export class DirectWritesNeeded extends Error {}

/** From now on, `writeRow` on `trx` stages instead of writing (see `flushStaged`). */
export function startStaging(trx: Transaction<Database>): void {
  stagings.set(trx, new Map());
}

/** Whether writes on `trx` are staged: a handler whose writes cannot be staged must not run then. */
export function isStaging(trx: Transaction<Database>): boolean {
  return stagings.has(trx);
}

/**
 * The columns of `row` a write sets: all but those the database computes from the row's JSON
 * (`report_*`, migrations 950 and 951), which a row read whole carries and no engine lets one set.
 */
function toStoredColumns(row: Record<string, unknown>): Record<string, unknown> & { id: string } {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !column.startsWith('report_'))) as Record<string, unknown> & { id: string };
}

/**
 * Writes `row` whole (an INSERT when `isNew`, else an UPDATE by id), or stages it while the push
 * stages, and keeps it in the push's snapshot so the next mutation reads it as it now stands (a
 * write that fails leaves it forgotten, read again from the database). A row staged new stays new
 * when it is written again in the same push.
 */
export async function writeRow<T extends CachedTable>(trx: Transaction<Database>, table: T, row: RowOf<T>, isNew: boolean): Promise<void> {
  forgetRow(trx, table, row.id);
  await writeOrStage(trx, table, row, isNew);
  keepRow(trx, table, row);
}

async function writeOrStage<T extends CachedTable>(trx: Transaction<Database>, table: T, row: RowOf<T>, isNew: boolean): Promise<void> {
  const staging = stagings.get(trx);
  if (staging) {
    const rows = staging.get(table) ?? new Map<string, StagedRow>();
    staging.set(table, rows);
    const isFirstWrite = rows.get(row.id)?.isNew ?? isNew;
    rows.delete(row.id);
    rows.set(row.id, { row: toStoredColumns(row), isNew: isFirstWrite });
    return;
  }
  const stored = toStoredColumns(row);
  if (isNew) {
    await trx.insertInto(table).values(stored as Insertable<Database[T]> as never).execute();
    return;
  }
  const { id, ...changes } = stored;
  await trx.updateTable(table as CachedTable).set(changes as never).where('id', '=', id).execute();
}

// Rows per statement: about 20 columns each stays far under both engines' bound-parameter limits.
const ROWS_PER_STATEMENT = 500;

async function insertRows(trx: Transaction<Database>, table: CachedTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never).execute();
  }
}

/** Rewrites rows that exist already: an upsert by id with every column, one statement per chunk on both engines. */
async function updateRows(trx: Transaction<Database>, table: CachedTable, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]!).filter((column) => column !== 'id');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT) as never)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(Object.fromEntries(columns.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)])) as never))
      .execute();
  }
}

/** A staged row with its provisional versions made real. */
function withRealVersions(row: StagedRow['row'], toReal: (version: number) => number): Record<string, unknown> {
  const real: Record<string, unknown> = { ...row, version: toReal(Number(row.version)) };
  if (row.echo_version !== null && row.echo_version !== undefined) real.echo_version = toReal(Number(row.echo_version));
  return real;
}

/** The staged rows as groups to write: per table in WRITE_ORDER, the new ones, then the existing ones. */
function toGroups(staging: Staging): RowGroup[] {
  return WRITE_ORDER.flatMap((table) => {
    const rows = [...(staging.get(table)?.values() ?? [])];
    return [true, false]
      .map((isNew) => ({ table, isNew, rows: rows.filter((r) => r.isNew === isNew).map((r) => r.row) }))
      .filter((group) => group.rows.length > 0);
  });
}

/**
 * Takes the versions the staged rows hold from the counter — on PostgreSQL its lock is held from
 * here to commit, so versions still become visible in order — and writes every staged row: on
 * PostgreSQL in the same one statement (push-flush-postgres.ts); on SQLite (one writer anyway)
 * one INSERT and one upsert per table. Ends the staging; a push that staged nothing takes no version.
 */
export async function flushStaged(trx: Transaction<Database>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const groups = toGroups(stagings.get(trx) ?? new Map());
  stagings.delete(trx);
  if (engine === 'postgres' && groups.length > 0 && canWriteInOneStatement(groups)) {
    await writeInOneStatement(trx, groups);
    return;
  }
  const toReal = await takeLateVersions(trx);
  for (const group of groups) {
    const rows = group.rows.map((row) => withRealVersions(row as StagedRow['row'], toReal));
    const table = group.table as CachedTable;
    await (group.isNew ? insertRows(trx, table, rows) : updateRows(trx, table, rows));
  }
}
