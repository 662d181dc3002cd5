import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Takes the next value of the ONE global version counter. Call it inside the transaction that
 * changes the row, once per changed row: on PostgreSQL the UPDATE locks the counter row until
 * commit, so versions become visible in order and a pull cursor never skips a row
 * (PITFALLS.md 7). On SQLite the writer is single anyway.
 */
export async function nextVersion(trx: Transaction<Database> | Kysely<Database>): Promise<number> {
  const block = openBlocks.get(trx);
  if (block) return (block.value += 1);
  const result = await sql<{ value: number | string }>`
    update sync_version set value = value + 1 where id = 1 returning value`.execute(trx);
  const value = result.rows[0]?.value;
  if (value === undefined) throw new Error('sync_version row is missing');
  return Number(value);
}

/**
 * Takes `count` consecutive versions at once (for a bulk write such as a places import): returns
 * the first; the caller stamps first, first + 1, … first + count - 1 inside the same transaction.
 * Same ordering guarantee as nextVersion: the counter row stays locked until commit.
 */
export async function takeVersions(trx: Transaction<Database> | Kysely<Database>, count: number): Promise<number> {
  const block = openBlocks.get(trx);
  if (block) {
    block.value += count;
    return block.value - count + 1;
  }
  const result = await sql<{ value: number | string }>`
    update sync_version set value = value + ${count} where id = 1 returning value`.execute(trx);
  const value = result.rows[0]?.value;
  if (value === undefined) throw new Error('sync_version row is missing');
  return Number(value) - count + 1;
}

/** The current value of the counter, without taking one. */
export async function readCurrentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sync_version').select('value').where('id', '=', 1).executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * Serialises writers on the counter for the rest of the transaction (PostgreSQL; SQLite has a
 * single writer anyway). Taken first in a push, so two pushes never interleave and never deadlock.
 */
export async function lockVersionCounter(trx: Transaction<Database>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select value from sync_version where id = 1 for update`.execute(trx);
}

/** The counter as a transaction holding its lock sees it, advanced in memory by each version taken. */
interface VersionBlock {
  read: number;
  value: number;
}

const openBlocks = new WeakMap<object, VersionBlock>();

/**
 * For a transaction that takes many versions (a push): reads the counter once, locking it on
 * PostgreSQL (`for update`, held until commit, as lockVersionCounter does), so every
 * nextVersion/takeVersions on `trx` after it is answered from memory instead of one UPDATE round
 * trip per changed row; `closeVersionBlock` writes the counter back once, just before commit.
 * A savepoint rolled back gives its versions back (`markVersions`/`rewindVersions`). On SQLite a
 * writer that committed after the read makes this transaction's first write fail (a stale
 * snapshot: SQLITE_BUSY, so 503 and the device retries), never reuse a version.
 */
export async function openVersionBlock(trx: Transaction<Database>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const result = engine === 'postgres'
    ? await sql<{ value: number | string }>`select value from sync_version where id = 1 for update`.execute(trx)
    : await sql<{ value: number | string }>`select value from sync_version where id = 1`.execute(trx);
  const value = result.rows[0]?.value;
  if (value === undefined) throw new Error('sync_version row is missing');
  openBlocks.set(trx, { read: Number(value), value: Number(value) });
}

/** Writes back the versions taken since `openVersionBlock` (one statement, none if none were taken). */
export async function closeVersionBlock(trx: Transaction<Database>): Promise<void> {
  const block = openBlocks.get(trx);
  openBlocks.delete(trx);
  if (!block || block.value === block.read) return;
  await sql`update sync_version set value = ${block.value} where id = 1`.execute(trx);
}

/** Where the block stands now, to give back what a savepoint took if it is rolled back (undefined outside a block). */
export function markVersions(trx: Transaction<Database>): number | undefined {
  return openBlocks.get(trx)?.value;
}

/** After `rollback to savepoint`: the versions taken since `mark` were undone with the rows; hand them out again. */
export function rewindVersions(trx: Transaction<Database>, mark: number | undefined): void {
  const block = openBlocks.get(trx);
  if (block && mark !== undefined) block.value = mark;
}
