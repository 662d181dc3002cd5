import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations/index';
import type { Database } from './schema';

/** Serves the statically imported migrations to Kysely's migrator. */
const staticProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/**
 * The PostgreSQL schema the connection writes to. Kysely looks for its migration tables in
 * EVERY schema unless told which: another schema's tables (another tenant, a parallel test)
 * would make it skip creating ours and then fail to find them.
 */
async function findMigrationSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema;
}

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<number> {
  const migrationTableSchema = await findMigrationSchema(db);
  const migrator = new Migrator({ db, provider: staticProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${String(error)}`, { cause: error });
  }
  return countAppliedMigrations(db);
}

/** How many migrations this database has applied: the `schema` figure of /api/health. */
export async function countAppliedMigrations(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from kysely_migration`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
