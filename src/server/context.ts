import type { Kysely } from 'kysely';
import type { Database } from './store/schema';

/** What every route needs: the database and the clock (passed in so tests can move time). */
export interface AppContext {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  now: () => number;
}
