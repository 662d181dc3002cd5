import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** PostgreSQL codes that mean "another transaction won the race; try again". */
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 5;

/** Whether `error` is a PostgreSQL serialization failure, deadlock or unique race. */
export function isRetryableError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_PG_CODES.has(code);
}

/**
 * Runs `work` in one transaction, retrying a few times when PostgreSQL reports a race. `work`
 * must be safe to run again: everything it did in a failed attempt was rolled back.
 */
export async function runInTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
