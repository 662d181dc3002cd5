import type { Kysely } from 'kysely';
import { addColumns, dropColumns, NULLABLE_TEXT } from './tables';

/**
 * `device_sessions.last_push_at` and `last_pull_at`: when each signed-in device last sent and
 * last received changes, for the coordinación's «¿Quién sincronizó y cuándo?» (issue #11). A
 * session is the device (its name is the one the person gave at login). Null until it happens.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'device_sessions', { last_push_at: NULLABLE_TEXT, last_pull_at: NULLABLE_TEXT });
}

/** Drops the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'device_sessions', ['last_pull_at', 'last_push_at']);
}
