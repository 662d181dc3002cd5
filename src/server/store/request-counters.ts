/**
 * Fixed-window counters kept in the database, so every server process behind a load balancer
 * adds to the same count (security report L1: a limit kept in each process's memory is N× the
 * limit with N processes). One upsert adds and reads in one statement: two processes never both
 * read the old count.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A key's total in the current window, and how many seconds until that window ends. */
export interface CounterReading {
  count: number;
  retryAfterSeconds: number;
}

/** Adds `weight` to `key` in the fixed window of `windowMs` that holds `nowMs`; returns the new total. */
export async function addToCounter(db: Kysely<Database>, key: string, weight: number, nowMs: number, windowMs: number): Promise<CounterReading> {
  const windowStart = Math.floor(nowMs / windowMs) * windowMs;
  const row = await db
    .insertInto('request_counters')
    .values({ key, window_start: windowStart, count: weight })
    .onConflict((conflict) =>
      conflict.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('request_counters.count', '+', eb.ref('excluded.count')) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000)) };
}

/** Forgets windows that ended more than `keepMs` ago. */
export async function pruneCounters(db: Kysely<Database>, nowMs: number, keepMs: number): Promise<void> {
  await db.deleteFrom('request_counters').where('window_start', '<', nowMs - keepMs).execute();
}
