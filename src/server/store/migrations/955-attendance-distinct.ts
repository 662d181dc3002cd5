import { sql, type Kysely } from 'kysely';

/**
 * «No es la misma persona»: each attendance record keeps the ids of records the facilitador
 * said are someone else (JSON array), so the same-person rule never merges them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table attendance add column distinct_from text not null default '[]'`.execute(db);
}

/** Drops it. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attendance').dropColumn('distinct_from').execute();
}
