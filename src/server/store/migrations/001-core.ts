import type { Kysely } from 'kysely';
import { BIGINT, createIndex, createPulledTable, createTable, dropTables, FLAG, INTEGER, KEY, NULLABLE_TEXT, TEXT } from './tables';

/**
 * Accounts, device sessions, sync bookkeeping and the first user-authored tables. Only types
 * both engines share: text, integer, bigint.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createAccountTables(db);
  await createSyncTables(db);
  await createUserDataTables(db);
}

async function createAccountTables(db: Kysely<any>): Promise<void> {
  await createTable(db, 'users', {
    id: KEY, email: { ...TEXT, unique: true }, name: TEXT, roles: TEXT, password_hash: TEXT,
    disabled: FLAG, created_at: TEXT, updated_at: TEXT,
  });

  await createTable(db, 'device_sessions', {
    id: KEY, user_id: { ...TEXT, references: 'users.id' }, device_name: TEXT, access_hash: { ...TEXT, unique: true },
    access_expires_at: TEXT, refresh_expires_at: TEXT, created_at: TEXT, last_used_at: TEXT, last_address: TEXT,
    revoked_at: NULLABLE_TEXT,
  });
  await createIndex(db, 'device_sessions_user', 'device_sessions', 'user_id');

  await createTable(db, 'refresh_tokens', {
    token_hash: KEY, session_id: { ...TEXT, references: 'device_sessions.id' }, created_at: TEXT, used_at: NULLABLE_TEXT,
  });
  await createIndex(db, 'refresh_tokens_session', 'refresh_tokens', 'session_id');

  await createTable(db, 'login_failures', { id: KEY, email: TEXT, address: TEXT, failed_at: TEXT });
  await createIndex(db, 'login_failures_key', 'login_failures', ['email', 'address', 'failed_at']);
}

async function createSyncTables(db: Kysely<any>): Promise<void> {
  await createTable(db, 'sync_clients', {
    client_id: KEY, user_id: { ...TEXT, references: 'users.id' }, last_seq: BIGINT, created_at: TEXT, updated_at: TEXT,
  });
  await createTable(db, 'sync_version', { id: { type: 'integer', primaryKey: true }, value: BIGINT });
  await db.insertInto('sync_version').values({ id: 1, value: 0 }).execute();
}

async function createUserDataTables(db: Kysely<any>): Promise<void> {
  await createPulledTable(db, 'events', { owner_id: TEXT, data: TEXT, field_hlc: TEXT, archived: FLAG }, { byOwner: true });
  await createPulledTable(
    db,
    'checklist_runs',
    { owner_id: TEXT, event_id: TEXT, template_id: TEXT, template_version: INTEGER, custom_items: TEXT },
    { byOwner: true },
  );
  await createPulledTable(
    db,
    'checklist_items',
    { run_id: TEXT, item_id: TEXT, owner_id: TEXT, state: TEXT, field_hlc: TEXT },
    { byOwner: true },
  );
}

/** Drops everything `up` made, newest first. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, [
    'checklist_items',
    'checklist_runs',
    'events',
    'sync_version',
    'sync_clients',
    'login_failures',
    'refresh_tokens',
    'device_sessions',
    'users',
  ]);
}
