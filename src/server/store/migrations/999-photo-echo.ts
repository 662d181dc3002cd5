import type { Kysely } from 'kysely';

/**
 * `checklist_photos.echo_client` / `echo_version` (#13 under #12's no-echo rule, sync/echo.ts): a
 * phone does not download back the photo rows it attached or removed itself. (Named to sort after
 * 999-media-holder-bytes.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('checklist_photos').addColumn('echo_client', 'text').execute();
  await db.schema.alterTable('checklist_photos').addColumn('echo_version', 'bigint').execute();
}

/** Drops the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('checklist_photos').dropColumn('echo_version').execute();
  await db.schema.alterTable('checklist_photos').dropColumn('echo_client').execute();
}
