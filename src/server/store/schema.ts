/**
 * The tables as Kysely sees them. Both engines store the same shapes: JSON as text, booleans as
 * 0/1 integers, times as ISO UTC text, so SQLite and PostgreSQL answer the same way.
 */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** JSON array of roles. */
  roles: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface DeviceSessionsTable {
  id: string;
  user_id: string;
  device_name: string;
  access_hash: string;
  access_expires_at: string;
  refresh_expires_at: string;
  created_at: string;
  last_used_at: string;
  last_address: string;
  revoked_at: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  created_at: string;
  used_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  email: string;
  address: string;
  failed_at: string;
}

export interface SyncClientsTable {
  client_id: string;
  user_id: string;
  last_seq: number;
  created_at: string;
  updated_at: string;
}

export interface SyncVersionTable {
  id: number;
  value: number;
}

/** Columns every syncable table has: a global version and a tombstone flag. */
export interface SyncableColumns {
  id: string;
  version: number;
  deleted: number;
  updated_at: string;
}

export interface EventsTable extends SyncableColumns {
  owner_id: string;
  /** JSON of the event's fields (EventFields). */
  data: string;
  /** JSON: field → HLC of the write that set it. */
  field_hlc: string;
  archived: number;
}

export interface ChecklistRunsTable extends SyncableColumns {
  owner_id: string;
  event_id: string;
  template_id: string;
  template_version: number;
  /** JSON array of custom items. */
  custom_items: string;
}

export interface ChecklistItemsTable extends SyncableColumns {
  run_id: string;
  item_id: string;
  owner_id: string;
  /** JSON of the item's state (ChecklistItemPatch). */
  state: string;
  field_hlc: string;
}

/** The whole database. Other features add their tables here and in a migration. */
export interface Database {
  users: UsersTable;
  device_sessions: DeviceSessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  sync_clients: SyncClientsTable;
  sync_version: SyncVersionTable;
  events: EventsTable;
  checklist_runs: ChecklistRunsTable;
  checklist_items: ChecklistItemsTable;
}
