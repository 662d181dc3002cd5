import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Takes the next value of the ONE global version counter. Call it inside the transaction that
 * changes the row, once per changed row: on PostgreSQL the UPDATE locks the counter row until
 * commit, so versions become visible in order and a pull cursor never skips a row
 * (PITFALLS.md 7). On SQLite the writer is single anyway.
 */
export async function nextVersion(trx: Transaction<Database> | Kysely<Database>): Promise<number> {
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
