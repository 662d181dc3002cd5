import type { Kysely, Transaction } from 'kysely';
import { isRetryableError } from './faults';
import type { Database } from './schema';

export { isRetryableError } from './faults';

const MAX_ATTEMPTS = 5;

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
