import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Takes the next value of the ONE global version counter. Call it inside the transaction that
 * changes the row, once per changed row: on PostgreSQL the UPDATE locks the counter row until
 * commit, so versions become visible in order and a pull cursor never skips a row
 * (PITFALLS.md 7). On SQLite the writer is single anyway. Inside a push it is answered from
 * memory: a direct push's block (`openVersionBlock`) or a staged one's provisional versions
 * (`openLateVersionBlock`), which take the counter only at the push's end.
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

/**
 * Versions handed out before the counter is taken stand above every real one (2^52 + n, still
 * exact in a double): compared with a device's cursor they are newer than anything it holds, as
 * the real ones will be, and they are never written (push-writes.ts makes them real first).
 */
const PROVISIONAL_BASE = 2 ** 52;

/**
 * For a push that writes at its end (sync/push-writes.ts): nextVersion/takeVersions on `trx`
 * hand out provisional versions, in order, without touching the counter; `takeLateVersions`
 * takes that many real ones at once. No lock is held meanwhile.
 */
export function openLateVersionBlock(trx: Transaction<Database>): void {
  openBlocks.set(trx, { read: PROVISIONAL_BASE, value: PROVISIONAL_BASE });
}

/**
 * Takes from the counter as many versions as were handed out since `openLateVersionBlock`, in
 * ONE statement (`update … returning`, which on PostgreSQL locks the counter until commit, so
 * versions still become visible in order), and returns the map from a provisional version to
 * its real one (a real version passes through unchanged). Ends the block.
 */
export async function takeLateVersions(trx: Transaction<Database>): Promise<(version: number) => number> {
  const { count, placeOf } = endLateVersionBlock(trx);
  if (count === 0) return (version) => version;
  const first = await takeVersions(trx, count);
  return (version) => (version <= PROVISIONAL_BASE ? version : first + placeOf(version) - 1);
}

/**
 * Ends a block opened by `openLateVersionBlock` without touching the counter, for a caller that
 * takes the versions in its own statement (`value = value + count`, first = old value + 1):
 * how many were handed out, and each provisional version's place among them (1…count).
 */
export function endLateVersionBlock(trx: Transaction<Database>): { count: number; placeOf(version: number): number } {
  const block = openBlocks.get(trx);
  openBlocks.delete(trx);
  const count = block ? block.value - block.read : 0;
  return {
    count,
    placeOf(version) {
      const place = version - PROVISIONAL_BASE;
      if (place < 1 || place > count) throw new Error(`version ${version} is not one of this block's provisional versions`);
      return place;
    },
  };
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
