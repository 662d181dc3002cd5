import type { Kysely } from 'kysely';

/**
 * `sync_rejections`: every mutation the server refused, kept by (client, seq) in the push's own
 * transaction. When the answer to a push is lost, the retry carries seqs ≤ lastSeq that are
 * skipped as replays; without this table their refusals would vanish and the device would
 * never show them under «Requiere atención».
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_rejections')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_rejections_pk', ['client_id', 'seq'])
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_rejections').execute();
}
