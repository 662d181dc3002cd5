import type { Kysely } from 'kysely';

/**
 * `device_sessions.last_push_at` and `last_pull_at`: when each signed-in device last sent and
 * last received changes, for the coordinación's «¿Quién sincronizó y cuándo?» (issue #11). A
 * session is the device (its name is the one the person gave at login). Null until it happens.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('device_sessions').addColumn('last_push_at', 'text').execute();
  await db.schema.alterTable('device_sessions').addColumn('last_pull_at', 'text').execute();
}

/** Drops the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('device_sessions').dropColumn('last_pull_at').execute();
  await db.schema.alterTable('device_sessions').dropColumn('last_push_at').execute();
}
