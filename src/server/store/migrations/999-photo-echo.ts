import type { Kysely } from 'kysely';
import { addColumns, dropColumns, NULLABLE_BIGINT, NULLABLE_TEXT } from './tables';

/**
 * `checklist_photos.echo_client` / `echo_version` (#13 under #12's no-echo rule, sync/echo.ts): a
 * phone does not download back the photo rows it attached or removed itself. (Named to sort after
 * 999-media-holder-bytes.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'checklist_photos', { echo_client: NULLABLE_TEXT, echo_version: NULLABLE_BIGINT });
}

/** Drops the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'checklist_photos', ['echo_version', 'echo_client']);
}
