import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { LocalEvent } from './events-store';
import type { ChecklistItemRow, ChecklistRunRow } from '../shared/schemas/checklist';
import type { OutboxRow } from './outbox-store';
import type { RejectedRow } from './rejected-store';
import type { MetaRow } from './meta-store';
import type { FavouriteRow } from './favourites-store';
import type { ReadingProgressRow } from './reading-progress-store';
import type { RecentRow } from './recents-store';
import type { FeedbackRow } from './feedback-store';
import type { LocalCertificate } from './certificates-store';
import type { LocalAttendance } from './attendance-store';
import { withMatchKeys } from './attendance-keys';
import type { LocalProposal } from './attendance-proposals-store';
import type { LocalPhoto, MediaUploadRow } from './photos-store';

/** The name of the database that holds what the person wrote on this device. */
export const USER_DB_NAME = 'tinkuy-user';

/** Options for the user database; `now` is the device clock, swapped by tests and the simulator. */
export interface UserDbOptions extends Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> {
  now?: () => number;
}

/**
 * `tinkuy-user`: events, checklist runs and items, attendance, feedback, the outbox of
 * mutations waiting to reach the server, the "Requiere atención" list and device meta. Opened
 * with strict durability so a write the person saw as saved survives a power cut.
 */
export class UserDb extends Dexie {
  events!: Table<LocalEvent, string>;
  checklistRuns!: Table<ChecklistRunRow, string>;
  checklistItems!: Table<ChecklistItemRow, [string, string]>;
  attendance!: Table<LocalAttendance, string>;
  feedback!: Table<FeedbackRow, string>;
  /** v5: constancias de participación of the workshops this person leads (issue 13). */
  certificates!: Table<LocalCertificate, string>;
  /** v6: photos of checklist items, their images as blobs beside them (issue 15, #13). */
  photos!: Table<LocalPhoto, string>;
  /** v6: photos whose bytes still have to reach `PUT /api/media/<sha256>`, one per request. */
  mediaUploads!: Table<MediaUploadRow, string>;
  outbox!: Table<OutboxRow, number>;
  rejected!: Table<RejectedRow, number>;
  meta!: Table<MetaRow, string>;
  /** v2: catalogue entries saved as favourites on this device (never synced). */
  favourites!: Table<FavouriteRow, string>;
  /** v2: the last heading reached in each entry, to offer "continue where you left off". */
  readingProgress!: Table<ReadingProgressRow, string>;
  /** v2: entries opened lately, newest first by `openedAt`. */
  recents!: Table<RecentRow, string>;
  /** v4: proposed corrections from self check-ins, for the workshops this account runs. */
  attendanceProposals!: Table<LocalProposal, string>;
  /** The device clock used for HLC stamps and `updatedAt`. */
  readonly now: () => number;

  constructor(options: UserDbOptions = {}) {
    const { now, ...dexieOptions } = options;
    super(USER_DB_NAME, { ...dexieOptions, chromeTransactionDurability: 'strict' });
    this.now = now ?? Date.now;
    this.version(1).stores({
      events: 'id, archived, startsAt, updatedAt',
      checklistRuns: 'id, eventId',
      checklistItems: '[runId+itemId], runId',
      attendance: 'id, workshopId',
      feedback: 'id, workshopId',
      outbox: '++seq',
      rejected: '++id, seq',
      meta: 'key',
    });
    // v2 adds the reader's own device-only tables; v1 stays as it was, so upgrading keeps every row.
    this.version(2).stores({
      favourites: 'entryId, savedAt',
      readingProgress: 'entryId',
      recents: 'entryId, openedAt',
    });
    // v3: the same person in a workshop is found by two index lookups instead of a roster scan;
    // rows kept from v2 get their keys here (folding ~500 names once, at the upgrade).
    this.version(3)
      .stores({ attendance: 'id, workshopId, [workshopId+nameKey], [workshopId+docKey]' })
      .upgrade((tx) => tx.table('attendance').toCollection().modify((row: LocalAttendance) => {
        Object.assign(row, withMatchKeys(row));
      }));
    this.version(4).stores({ attendanceProposals: 'id, workshopId, attendanceId' });
    // v5: constancias, issued here or pulled for the workshops this person leads.
    this.version(5).stores({ certificates: 'id, workshopId, attendanceId' });
    // v6: photos beside their checklist item and the queue of their uploads; two new tables, so
    // upgrading from v5 touches no row.
    this.version(6).stores({ photos: 'id, runId, [runId+itemId], sha256', mediaUploads: 'photoId, queuedAt, sha256' });
  }
}
