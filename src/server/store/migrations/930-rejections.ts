import type { Kysely } from 'kysely';
import { BIGINT, createTable, TEXT } from './tables';

/**
 * `sync_rejections`: every mutation the server refused, kept by (client, seq) in the push's own
 * transaction. When the answer to a push is lost, the retry carries seqs ≤ lastSeq that are
 * skipped as replays; without this table their refusals would vanish and the device would
 * never show them under «Requiere atención».
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(
    db,
    'sync_rejections',
    { client_id: TEXT, seq: BIGINT, code: TEXT, message: TEXT, created_at: TEXT },
    { name: 'sync_rejections_pk', columns: ['client_id', 'seq'] },
  );
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_rejections').execute();
}
