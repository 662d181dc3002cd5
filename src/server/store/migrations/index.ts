import type { Migration } from 'kysely';
import * as core from './001-core';
import * as places from './900-places';

/**
 * Every migration, by name, in the order they run (Kysely sorts by name). Imported statically
 * because the server is bundled: nothing is read from disk at run time. Add one line per file.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-core': core,
  '900-places': places,
};
