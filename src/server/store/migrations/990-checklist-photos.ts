import type { Kysely } from 'kysely';
import { createIndex, createPulledTable, INTEGER, NULLABLE_TEXT, TEXT } from './tables';

/**
 * `checklist_photos` (#13): which photo (by the SHA-256 of its bytes) is attached to which item of
 * a run. The image itself is stored apart (media store) and read only by those who may see a
 * photo row that holds its hash and was not removed; a removed photo stays as a tombstone
 * (`deleted = 1`) so devices drop it and the image stops being served.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPulledTable(
    db,
    'checklist_photos',
    {
      run_id: TEXT, item_id: TEXT,
      // The run's event and owner, copied so the pull, the image's reader and an erasure filter by one column.
      event_id: TEXT, owner_id: TEXT,
      sha256: TEXT, width: INTEGER, height: INTEGER, bytes: INTEGER, taken_at: NULLABLE_TEXT, caption: NULLABLE_TEXT,
    },
    { byOwner: true },
  );
  await createIndex(db, 'checklist_photos_sha256', 'checklist_photos', 'sha256');
  await createIndex(db, 'checklist_photos_event', 'checklist_photos', 'event_id');
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('checklist_photos').execute();
}
