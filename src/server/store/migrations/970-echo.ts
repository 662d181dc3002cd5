import type { Kysely } from 'kysely';

/** The user tables whose rows a device's own push can write exactly as the device already has them. */
const ECHO_TABLES = ['events', 'checklist_runs', 'checklist_items'] as const;

/**
 * `echo_client` / `echo_version` (#12, no echo): which device wrote a row's latest version, and
 * at which version, when the stored state is exactly what that device's own local effect
 * produced. A pull by that device skips the row while `echo_version = version` (any later write,
 * whoever makes it, moves `version` on and so voids the mark). Null: the row comes back to all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ECHO_TABLES) {
    await db.schema.alterTable(table).addColumn('echo_client', 'text').execute();
    await db.schema.alterTable(table).addColumn('echo_version', 'bigint').execute();
  }
}

/** Drops the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ECHO_TABLES) {
    await db.schema.alterTable(table).dropColumn('echo_version').execute();
    await db.schema.alterTable(table).dropColumn('echo_client').execute();
  }
}
