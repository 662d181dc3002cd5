/**
 * The tables as Kysely sees them. Both engines store the same shapes: JSON as text, booleans as
 * 0/1 integers, times as ISO UTC text, so SQLite and PostgreSQL answer the same way.
 */
import type { ColumnType } from 'kysely';

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
  /** 1 while the password is a one-time password the person must replace at login (migration 998). */
  must_change_password: ColumnType<number, number | undefined, number>;
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
  /** When this device last pushed / pulled (migration 991); null until it did. */
  last_push_at: string | null;
  last_pull_at: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  created_at: string;
  used_at: string | null;
  /** Hash of the token issued when this one was used (refresh grace). */
  replaced_by: string | null;
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

/** A refused mutation, answered again when a retry replays its seq. */
export interface SyncRejectionsTable {
  client_id: string;
  seq: number;
  code: string;
  message: string;
  created_at: string;
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

/**
 * The no-echo mark (#12, migration 970): the device whose own push wrote the row's latest
 * version exactly as that device holds it, and that version. Valid only while it equals `version`.
 */
export interface EchoColumns {
  echo_client: string | null;
  echo_version: number | string | null;
}

export interface EventsTable extends SyncableColumns, EchoColumns {
  owner_id: string;
  /** JSON of the event's fields (EventFields). */
  data: string;
  /** JSON: field → HLC of the write that set it. */
  field_hlc: string;
  archived: number;
}

export interface ChecklistRunsTable extends SyncableColumns, EchoColumns {
  owner_id: string;
  event_id: string;
  template_id: string;
  template_version: number;
  /** JSON array of custom items. */
  custom_items: string;
}

export interface ChecklistItemsTable extends SyncableColumns, EchoColumns {
  run_id: string;
  item_id: string;
  owner_id: string;
  /** JSON of the item's state (ChecklistItemPatch). */
  state: string;
  field_hlc: string;
}

/** A RED workshop (catalogue). `data` is the JSON of the WorkshopSaveArgs fields but id. */
export interface WorkshopsTable extends SyncableColumns {
  code: string;
  owner_id: string;
  data: string;
  field_hlc: string;
  /** JSON array of the co-facilitadores' account ids (migration 9991); `[]` when none. */
  cofacilitator_ids: string;
}

/** One co-facilitador of one workshop (migration 9991), the same pairs as `workshops.cofacilitator_ids`. */
export interface WorkshopTeamTable { workshop_id: string; user_id: string }

/** A participant's device (no account): only its lastSeq. */
export interface ParticipantClientsTable {
  client_id: string;
  last_seq: number;
  created_at: string;
  updated_at: string;
  /** When the last window of a workshop this device wrote to closes; pruned after it. */
  expires_at: string | null;
}

/** How much one key sent in one fixed window (request-counters.ts); shared by every process. */
export interface RequestCountersTable {
  key: string;
  window_start: number;
  count: number;
}

/** One attendance record, or a tombstone (removed, erased, or merged into `merged_into`). */
export interface AttendanceTable extends SyncableColumns {
  workshop_id: string;
  /** The workshop's owner: who sees the record besides coordinadores. */
  owner_id: string;
  person: string;
  consent: string;
  field_hlc: string;
  /** Folded document type and number, for duplicates and erasure; null when not given. */
  doc_key: string | null;
  /** Folded full name and entity name. */
  name_key: string | null;
  recorded_by: string | null;
  recorded_at: string;
  merged_ids: string;
  merged_into: string | null;
  /** JSON array of ids of records that are another person (never merged with this one). */
  distinct_from: string;
}

/** A self check-in's differences from the person already listed, until the staff close it. */
export interface AttendanceProposalsTable extends SyncableColumns {
  workshop_id: string;
  owner_id: string;
  attendance_id: string;
  patch: string;
  proposed_at: string;
  closed_by: string | null;
  outcome: 'accepted' | 'dismissed' | null;
}

/** The export log (Ley 29733: who exported what, and when). */
export interface AttendanceExportsTable {
  id: string;
  workshop_id: string;
  exported_by: string;
  rows: number;
  format: string;
  exported_at: string;
  logged_at: string;
}

/** The erasure log: who, when, how many; never whose data. */
export interface AttendanceErasuresTable {
  id: string;
  erased_by: string;
  erased_at: string;
  matched_by: string;
  count: number;
}

/** Anonymous feedback: no user, device, attendance link or arrival time. */
export interface FeedbackTable {
  id: string;
  workshop_id: string;
  owner_id: string;
  answers: string;
  deleted: number;
  version: number;
}

/** An opinion held back until its group is released (migration 9990): never pulled, no version. */
export interface FeedbackHeldTable {
  id: string;
  workshop_id: string;
  owner_id: string;
  answers: string;
}

/** How many opinions a workshop holds back (`id` is the workshop's id); pulled by its staff. */
export interface FeedbackWaitingTable {
  id: string;
  owner_id: string;
  waiting: number;
  deleted: number;
  version: number;
}

/** A constancia de participación; the name it shows is read from its attendance record. */
export interface CertificatesTable extends SyncableColumns {
  code: string;
  workshop_id: string;
  attendance_id: string;
  /** The workshop's owner: who pulls it besides coordinadores. */
  owner_id: string;
  issued_by: string;
  issued_at: string;
  revoked_at: string | null;
}

/** A photo attached to a checklist item (#13); the image is in the media store, by `sha256`. */
export interface ChecklistPhotosTable extends SyncableColumns, EchoColumns {
  run_id: string;
  item_id: string;
  event_id: string;
  owner_id: string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  taken_at: string | null;
  caption: string | null;
}

/** A photo's bytes (PostgreSQL; SQLite keeps files), by the SHA-256 of those bytes. */
export interface MediaObjectsTable {
  sha256: string;
  content_type: string;
  size: number;
  data: Buffer;
  stored_at: string;
}

/** An account that sent a photo's bytes (and so may read them back). */
export interface MediaHoldersTable {
  sha256: string;
  user_id: string;
  sent_at: string;
  /** The image's size, counted against the account's quota (migration 999). */
  bytes: ColumnType<number, number | undefined, number>;
}

/** The whole database. Other features add their tables here and in a migration. */
export interface Database {
  users: UsersTable;
  device_sessions: DeviceSessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  sync_clients: SyncClientsTable;
  sync_rejections: SyncRejectionsTable;
  sync_version: SyncVersionTable;
  events: EventsTable;
  checklist_runs: ChecklistRunsTable;
  checklist_items: ChecklistItemsTable;
  workshops: WorkshopsTable;
  workshop_team: WorkshopTeamTable;
  participant_clients: ParticipantClientsTable;
  request_counters: RequestCountersTable;
  attendance: AttendanceTable;
  attendance_exports: AttendanceExportsTable;
  attendance_proposals: AttendanceProposalsTable;
  attendance_erasures: AttendanceErasuresTable;
  feedback: FeedbackTable;
  feedback_held: FeedbackHeldTable;
  feedback_waiting: FeedbackWaitingTable;
  certificates: CertificatesTable;
  checklist_photos: ChecklistPhotosTable;
  media_objects: MediaObjectsTable;
  media_holders: MediaHoldersTable;
}
