import { isHlc } from '../shared/hlc';
import { PullResponse, type Change, type PullScope } from '../shared/protocol';
import { MAX_PULL_LIMIT } from '../shared/protocol-limits';
import type { ChecklistItemRow } from '../shared/schemas/checklist';
import { deriveSearchText } from '../shared/catalogue/plain-text';
import type { Entry } from '../shared/catalogue/entry';
import { CATALOGUE_TABLES, type CatalogueDb } from '../db/catalogue-db';
import { CATALOGUE_CURSOR_KEY, readCatalogueCursor } from '../db/catalogue-meta-store';
import type { LocalAttendance } from '../db/attendance-store';
import { withMatchKeys } from '../db/attendance-keys';
import { parseChecklistItemId } from '../db/checklist-items-store';
import { getClientId, META_KEYS, readMeta, writeMeta } from '../db/meta-store';
import { receiveHlc } from '../db/outbox-store';
import { bindToTransaction } from '../db/bound-tables';
import { keepLostEdits, keepLostFieldEdits } from '../db/lost-edits-store';
import { EVENT_TEXT_FIELDS, type EventRow } from '../shared/schemas/event';
import { ATTENDANCE_TEXT_FIELDS, type AttendanceRow } from '../shared/schemas/attendance';
import { applyFeedbackWaiting } from '../db/feedback-store';
import { applyWorkshopLead, rewindOnceForLeads } from '../db/workshop-leads-store';
import { applyPulledPhoto } from '../db/photos-store';
import type { ChecklistPhotoRow } from '../shared/schemas/checklist-photo';
import type { UserDb } from '../db/user-db';
import { classifyFailure, networkOutcome, type SyncOutcome } from './retry-policy';
import { readAnswer, unreadableOutcome } from './read-answer';
import { isOutcome, sendAuthorised, type RoundState, type SyncContext } from './sync-context';

/** A pull stopped because the person wrote something meanwhile: drain first, then pull again. */
export type PullOutcome = SyncOutcome | { kind: 'busy' };

const USER_TABLES = { events: 'events', checklist_runs: 'checklistRuns', checklistRuns: 'checklistRuns', attendance: 'attendance', attendanceProposals: 'attendanceProposals', feedback: 'feedback', certificates: 'certificates' } as const;

/** What a page's changes need from the device: its id (to know its own edits) and the time. */
interface PageContext {
  clientId: string;
  nowIso: string;
}

/** Applies one user-scope change; unknown tables are skipped (a newer server may send more). */
async function applyUserChange(db: UserDb, change: Change, page: PageContext): Promise<void> {
  if (change.table === 'checklist_items' || change.table === 'checklistItems') {
    const key = parseChecklistItemId(change.id);
    if (!key) return;
    if (change.deleted || !change.row) {
      await db.checklistItems.delete(key);
      return;
    }
    // A text written here that a later edit from another phone replaces is kept, not lost.
    await keepLostEdits(db, await db.checklistItems.get(key), change.row as ChecklistItemRow, page.clientId, page.nowIso);
    await db.checklistItems.put(change.row as ChecklistItemRow);
    return;
  }
  if (change.table === 'checklistPhotos') {
    // The photo's data; the blobs this device holds (taken here, or downloaded) stay.
    await applyPulledPhoto(db, change.id, change.deleted ? undefined : (change.row as ChecklistPhotoRow | undefined));
    return;
  }
  if (change.table === 'workshopLeads') {
    await applyWorkshopLead(db, change);
    return;
  }
  if (change.table === 'feedbackWaiting') {
    await applyFeedbackWaiting(db, change);
    return;
  }
  const name = USER_TABLES[change.table as keyof typeof USER_TABLES];
  if (!name) return;
  // The pull boundary: a row is stored as the server built it from the shared schemas.
  const table = db.table<{ id: string }, string>(name);
  if (name === 'events' && change.row && !change.deleted) await keepLostEventEdits(db, change.id, change.row as EventRow, page);
  if (name === 'attendance' && change.row && !change.deleted) await keepLostAttendanceEdits(db, change.id, change.row as AttendanceRow, page);
  if (change.deleted || !change.row) await table.delete(change.id);
  else if (name === 'attendance') await table.put(withMatchKeys({ ...(change.row as LocalAttendance), id: change.id }));
  else await table.put({ ...(change.row as object), id: change.id });
}

/**
 * Tables whose changes touch only their own row (and, for a lost text, its own meta key): a page
 * holds each row once, so these go to IndexedDB together instead of one round trip after another
 * (500 events from another phone: ~1.7 s → see the commit, CPU ×4). Photos (one image may be
 * shared by two photos' upload rows), leads and held opinions stay in page order.
 */
const ROW_ONLY_TABLES = new Set(['events', 'checklist_runs', 'checklistRuns', 'checklist_items', 'checklistItems', 'attendance', 'attendanceProposals', 'feedback', 'certificates']);

/** Applies a page's changes inside the caller's transaction: row-only ones at once, the others in order after them. */
async function applyUserChanges(db: UserDb, changes: readonly Change[], page: PageContext): Promise<void> {
  const rowOnly = changes.filter((change) => ROW_ONLY_TABLES.has(change.table));
  await Promise.all(rowOnly.map((change) => applyUserChange(db, change, page)));
  for (const change of changes) if (!ROW_ONLY_TABLES.has(change.table)) await applyUserChange(db, change, page);
}

/** A title, place or funding source written here that another phone's later edit replaces is kept. */
async function keepLostEventEdits(db: UserDb, id: string, incoming: EventRow, page: PageContext): Promise<void> {
  const local = await db.events.get(id);
  const stamped = (row: EventRow) => ({ values: row as unknown as Record<string, unknown>, fieldHlc: row.fieldHlc });
  await keepLostFieldEdits(db, 'event', id, local && stamped(local), stamped(incoming), EVENT_TEXT_FIELDS, page.clientId, page.nowIso);
}

/** A name, entity, email, phone, document or position corrected here that another phone's later correction replaces is kept. */
async function keepLostAttendanceEdits(db: UserDb, id: string, incoming: AttendanceRow, page: PageContext): Promise<void> {
  const local = await db.attendance.get(id);
  const stamped = (row: AttendanceRow) => ({ values: row.person as Record<string, unknown>, fieldHlc: row.fieldHlc });
  await keepLostFieldEdits(db, 'attendance', id, local && stamped(local), stamped(incoming), ATTENDANCE_TEXT_FIELDS, page.clientId, page.nowIso);
}

/** The newest HLC in a page of checklist items, so the device clock moves past what others wrote. */
function findNewestHlc(changes: Change[]): string | undefined {
  let newest: string | undefined;
  for (const change of changes) {
    const stamps = Object.values((change.row as Partial<ChecklistItemRow> | undefined)?.fieldHlc ?? {});
    for (const stamp of stamps) if (typeof stamp === 'string' && isHlc(stamp) && (!newest || stamp > newest)) newest = stamp;
  }
  return newest;
}

/**
 * Applies a user page and its cursor in ONE transaction, and only while the outbox is empty:
 * a pull never overwrites a local edit that has not reached the server. Returns false when
 * the outbox has rows, or the page was read from a cursor `from` the device no longer has
 * (nothing written).
 */
export async function applyUserPage(db: UserDb, page: PullResponse, from?: number): Promise<boolean> {
  const tables = [db.outbox, db.meta, db.events, db.checklistRuns, db.checklistItems, db.attendance, db.attendanceProposals, db.feedback, db.certificates, db.photos, db.mediaUploads];
  return db.transaction('rw', tables, async (tx) => {
    if ((await db.outbox.count()) > 0) return false;
    // A page read from `from` (a push's answer) lands only on the cursor it was read from.
    if (from !== undefined && ((await readMeta<number>(db.meta, META_KEYS.userCursor)) ?? 0) !== from) return false;
    const context = { clientId: (await readMeta<string>(db.meta, META_KEYS.clientId)) ?? '', nowIso: new Date(db.now()).toISOString() };
    // Tables bound to `tx`: the changes applied together must not lose the transaction's zone.
    await applyUserChanges(bindToTransaction(db, tx), page.changes, context);
    const newest = findNewestHlc(page.changes);
    if (newest) await receiveHlc(tx, newest);
    await writeMeta(db.meta, META_KEYS.userCursor, page.cursor);
    return true;
  });
}

/** A catalogue row as stored: an entry pulled lean gets the search text the compiler would have written. */
function withSearchText(table: string, row: unknown): object {
  const entry = row as Partial<Entry>;
  if (table !== 'entries' || typeof entry.searchText === 'string' || !Array.isArray(entry.body)) return row as object;
  return { ...(row as object), searchText: deriveSearchText(row as Entry) };
}

/**
 * Applies a catalogue page and its cursor in ONE transaction. The change's version is kept as
 * `syncVersion`; the row's own `version` (an entry's content hash) stays as the server sent it.
 */
export async function applyCataloguePage(db: CatalogueDb, page: PullResponse): Promise<void> {
  const tables = [db.meta, db.entries, db.checklistTemplates, db.workshops, db.places];
  await db.transaction('rw', tables, async () => {
    for (const change of page.changes) {
      const name = CATALOGUE_TABLES[change.table];
      if (!name) continue;
      // The pull boundary: a row is stored as the server built it from the shared schemas.
      const table = db.table<{ id: string; syncVersion?: number }, string>(name);
      if (change.deleted || !change.row) await table.delete(change.id);
      else await table.put({ ...withSearchText(name, change.row), id: change.id, syncVersion: change.version });
    }
    await db.meta.put({ key: CATALOGUE_CURSOR_KEY, value: page.cursor });
  });
}

/**
 * `&clientId=…` so the server leaves out the rows this device wrote itself, exactly as it holds
 * them (#12: no echo) — unless the device may hold an effect the server never applied.
 */
async function readEchoParam(db: UserDb): Promise<string> {
  if (await readMeta<boolean>(db.meta, META_KEYS.echoOff)) return '';
  return `&clientId=${encodeURIComponent(await getClientId(db))}`;
}

async function fetchPage(ctx: SyncContext, round: RoundState, scope: PullScope, cursor: number): Promise<PullResponse | SyncOutcome> {
  const path = `/api/sync/pull?scope=${scope}&cursor=${cursor}&limit=${MAX_PULL_LIMIT}`;
  let response: Response | SyncOutcome;
  if (scope === 'user') {
    const userPath = path + (await readEchoParam(ctx.user));
    response = await sendAuthorised(ctx, round, (token) => ctx.transport(userPath, { method: 'GET', headers: { authorization: `Bearer ${token}` } }));
  } else {
    // Lean (#12): entries come without their search text, which the device derives on arrival.
    response = await ctx.transport(`${path}&lean=1`, { method: 'GET' }).catch(() => networkOutcome());
  }
  if (isOutcome(response)) return response;
  if (!response.ok) return classifyFailure(response, ctx.user.now());
  return (await readAnswer(response, PullResponse)) ?? unreadableOutcome();
}

/** Pulls one scope page by page until the server has no more; each page lands atomically with its cursor. */
export async function pullScope(ctx: SyncContext, round: RoundState, scope: PullScope): Promise<PullOutcome> {
  if (scope === 'user') await rewindOnceForLeads(ctx.user);
  for (;;) {
    const cursor = scope === 'user' ? ((await readMeta<number>(ctx.user.meta, META_KEYS.userCursor)) ?? 0) : await readCatalogueCursor(ctx.catalogue);
    const page = await fetchPage(ctx, round, scope, cursor);
    if ('kind' in page) return page;
    if (scope === 'user') {
      if (!(await applyUserPage(ctx.user, page))) return { kind: 'busy' };
    } else {
      await applyCataloguePage(ctx.catalogue, page);
    }
    if (!page.hasMore || page.cursor <= cursor) return { kind: 'done' };
  }
}
