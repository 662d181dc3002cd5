import { mergeFields } from '../shared/merge';
import { computeKeys, computeLikeness, isLikelyMatch, isSameKeys, keepBetterSpelling, type Likeness, type PersonKeys, type PersonMatchKeys } from '../shared/attendance-match';
import {
  type AttendancePerson, type AttendanceExportArgs, type AttendanceMergeArgs, type AttendanceRegisterArgs, type AttendanceRemoveArgs, type AttendanceRow, type AttendanceUpdateArgs,
} from '../shared/schemas/attendance';
import { readMeta, writeMeta } from './meta-store';
import { withMatchKeys } from './attendance-keys';
import type { UserDb } from './user-db';

/** An attendance record as kept on the device: the pulled row (with which write set each field), plus its match keys. */
export interface LocalAttendance extends AttendanceRow {
  /** v3: folded name|entity, indexed with the workshop; absent when the name folds to nothing. */
  nameKey?: string;
  /** v3: document type:number, indexed with the workshop; absent without a document. */
  docKey?: string;
}

// Folding a name (Unicode normalisation and classes) is the costly part of a check: each stored
// record's keys are kept by id and `updatedAt`, so a check over 500 records folds only the typed
// person. A record changed by a pull or a correction gets a new `updatedAt` and is folded again.
type StoredPerson = { id: string; updatedAt?: string; person: PersonKeys };

/** `compute` of a stored record's person, kept by id until the record or its person changes. */
function cachedByRecord<T>(compute: (person: PersonKeys) => T): (row: StoredPerson) => T {
  const cache = new Map<string, { stamp: string; value: T }>();
  return (row) => {
    const stamp = `${row.updatedAt ?? ''}|${row.person.fullName}|${row.person.entityName}|${row.person.documentType ?? ''}|${row.person.documentNumber ?? ''}`;
    const cached = cache.get(row.id);
    if (cached && cached.stamp === stamp) return cached.value;
    const value = compute(row.person);
    cache.set(row.id, { stamp, value });
    return value;
  };
}

const readKeys: (row: StoredPerson) => PersonMatchKeys = cachedByRecord(computeKeys);
const readLikeness: (row: StoredPerson) => Likeness = cachedByRecord(computeLikeness);

/** The first record in `rows` that may be `person` spelled otherwise (the warning's rule, never the merge's). */
export function findLikelyPerson<R extends { id: string; updatedAt?: string; person: PersonKeys }>(rows: readonly R[], person: PersonKeys, exceptId?: string): R | undefined {
  const wanted = computeLikeness(person);
  return rows.find((row) => row.id !== exceptId && isLikelyMatch(readLikeness(row), wanted));
}

/** The first record in `rows` for the same person as `person` (ignoring `exceptId`), or undefined. */
export function findSamePerson<R extends { id: string; updatedAt?: string; person: PersonKeys }>(rows: readonly R[], person: PersonKeys, exceptId?: string): R | undefined {
  const wanted = computeKeys(person);
  return rows.find((row) => row.id !== exceptId && isSameKeys(readKeys(row), wanted));
}

/**
 * What the form already knows when it records `attendance.register`: the roster on screen says
 * which record (or `null`: none) holds the same person, so the save needs not look it up. A
 * record it names is read again and checked, so a stale roster cannot merge two different people.
 */
export interface RegisterHint {
  knownMatchId: string | null;
}

/**
 * The first record (by `recordedAt`) of the same person in a workshop, read through the match-key
 * indexes instead of the whole roster. A Dexie chain: it may run inside a write transaction.
 */
export function findSamePersonInWorkshop(db: UserDb, workshopId: string, person: PersonKeys, apart: readonly string[] = []): Promise<LocalAttendance | undefined> {
  const wanted = computeKeys(person);
  const byDoc = wanted.doc ? db.attendance.where('[workshopId+docKey]').equals([workshopId, wanted.doc]).toArray() : Promise.resolve([]);
  return byDoc.then((docRows) => {
    const byName = wanted.name !== undefined ? db.attendance.where('[workshopId+nameKey]').equals([workshopId, wanted.name]).toArray() : Promise.resolve([]);
    return byName.then((nameRows) => {
      const candidates = [...docRows, ...nameRows];
      candidates.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
      return candidates.find((row) => !apart.includes(row.id) && isSameKeys(readKeys(row), wanted));
    });
  });
}

function findFirstRecord(db: UserDb, args: AttendanceRegisterArgs, hint: RegisterHint | undefined): Promise<LocalAttendance | undefined> {
  // «No es la misma persona»: the records set apart are never merged with this one (the server's rule too).
  const isApart = (record: LocalAttendance | undefined) => record !== undefined && (args.distinctFrom ?? []).includes(record.id);
  if (hint?.knownMatchId === null) return Promise.resolve(undefined);
  if (hint) {
    return db.attendance.get(hint.knownMatchId).then((record) => {
      return record && !isApart(record) && record.workshopId === args.workshopId && findSamePerson([record], args.person) ? record : undefined;
    });
  }
  return findSamePersonInWorkshop(db, args.workshopId, args.person, args.distinctFrom);
}

/**
 * Applies `attendance.register` locally, with the server's rule: a second record of the same
 * person in the workshop merges into the first (its id joins `mergedIds`, newer fields win by
 * HLC). Offline the roster and counts are right at once. Without a hint (an import, a replay)
 * the same person is looked up through the match-key indexes. Call inside a transaction.
 */
export async function applyAttendanceRegister(db: UserDb, args: AttendanceRegisterArgs, hlc: string, hint?: RegisterHint): Promise<void> {
  if (await db.attendance.get(args.id)) return;
  // Only a participant's own check-in carries the code: their phone remembers it, with the name.
  if (args.workshopCode) {
    await writeMeta(db.meta, checkInKey(args.workshopId), args.person.fullName);
    // The record's id, drawn at random here: what lets this phone alone ask for the person's constancia.
    await writeMeta(db.meta, checkInIdKey(args.workshopId), args.id);
  }
  const nowIso = new Date(db.now()).toISOString();
  const first = await findFirstRecord(db, args, hint);
  if (first) {
    // As on the server: the first record keeps its id, the newer fields win by HLC, the id is listed.
    const merged = mergeFields<AttendancePerson>({ values: first.person, fieldHlc: first.fieldHlc ?? {} }, args.person, hlc);
    const person = keepBetterSpelling(merged.state.values as AttendancePerson, first.person, args.person);
    await db.attendance.put(withMatchKeys({
      ...first, person, fieldHlc: merged.state.fieldHlc,
      mergedIds: [...first.mergedIds, args.id], updatedAt: nowIso,
    }));
    return;
  }
  const row: LocalAttendance = {
    id: args.id, workshopId: args.workshopId, person: args.person, consent: args.consent,
    recordedBy: null, recordedAt: nowIso, mergedIds: [], updatedAt: nowIso, ...(args.distinctFrom?.length ? { distinctFrom: args.distinctFrom } : {}),
    fieldHlc: Object.fromEntries(Object.keys(args.person).map((key) => [key, hlc])),
  };
  await db.attendance.put(withMatchKeys(row));
}

/** Applies `attendance.update` locally: last writer wins per field, by HLC. Call inside a transaction. */
export async function applyAttendanceUpdate(db: UserDb, args: AttendanceUpdateArgs, hlc: string): Promise<void> {
  const existing = await db.attendance.get(args.id);
  if (!existing) return;
  const merged = mergeFields<AttendancePerson>({ values: existing.person, fieldHlc: existing.fieldHlc ?? {} }, args.patch as Partial<AttendancePerson>, hlc);
  if (!merged.changed) return;
  await db.attendance.put(withMatchKeys({
    ...existing,
    person: merged.state.values as AttendancePerson,
    fieldHlc: merged.state.fieldHlc,
    updatedAt: new Date(db.now()).toISOString(),
  }));
}

/**
 * Applies `attendance.merge` locally, with the server's rule: the kept record's fields win, the
 * other's fill its gaps, the better spelling stays, and the other leaves the roster. A Dexie
 * chain (no native await between reads and writes): it runs inside the write transaction.
 */
export function applyAttendanceMerge(db: UserDb, args: AttendanceMergeArgs): Promise<void> {
  return db.attendance.get(args.keepId).then((keep) => db.attendance.get(args.mergeId).then((gone) => {
    if (!keep || !gone) return undefined;
    const person = keepBetterSpelling({ ...gone.person, ...keep.person }, keep.person, gone.person);
    return db.attendance.put(withMatchKeys({
      ...keep, person, fieldHlc: { ...gone.fieldHlc, ...keep.fieldHlc },
      mergedIds: [...keep.mergedIds, gone.id, ...gone.mergedIds], updatedAt: new Date(db.now()).toISOString(),
    })).then(() => db.attendance.delete(gone.id));
  }));
}

/** Applies `attendance.remove` locally: the record leaves the roster (the server keeps a tombstone). */
export async function applyAttendanceRemove(db: UserDb, args: AttendanceRemoveArgs): Promise<void> {
  await db.attendance.delete(args.id);
}

/** The meta key that remembers this phone checked its owner in at a workshop (the name they gave). */
export function checkInKey(workshopId: string): string {
  return `checkedIn:${workshopId}`;
}

/** The meta key of the attendance id of this phone's own check-in at a workshop. */
export function checkInIdKey(workshopId: string): string {
  return `checkedInId:${workshopId}`;
}

/** The attendance id of this phone's own check-in at a workshop (the last, if someone else checked in after), if any. */
export function readCheckInId(db: UserDb, workshopId: string): Promise<string | undefined> {
  return readMeta<string>(db.meta, checkInIdKey(workshopId));
}

/** The name this phone checked in with at a workshop (a participant's own check-in), if it did. */
export function readCheckIn(db: UserDb, workshopId: string): Promise<string | undefined> {
  return readMeta<string>(db.meta, checkInKey(workshopId));
}

/** Attendance records of one workshop on this device, in the order they were recorded. */
export function listAttendance(db: UserDb, workshopId: string): Promise<LocalAttendance[]> {
  // A Dexie promise chain, not a native async function: it may run inside a write transaction.
  return db.attendance.where('workshopId').equals(workshopId).toArray()
    .then((rows) => rows.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)));
}

/** One CSV export of a workshop's attendance, as this device remembers it (the server logs who). */
export interface AttendanceExportLog {
  at: string;
  rows: number;
}

/**
 * Applies `attendance.export` locally: appends the export to this device's log (meta
 * `attendanceExports:<workshopId>`), in the same transaction that queues it for the server's
 * log of who exported what (Ley 29733). A Dexie chain: it runs inside the write transaction.
 */
export function applyAttendanceExport(db: UserDb, args: AttendanceExportArgs): Promise<void> {
  const key = `attendanceExports:${args.workshopId}`;
  return db.meta.get(key).then((row) => {
    const existing = (row?.value as AttendanceExportLog[] | undefined) ?? [];
    return db.meta.put({ key, value: [...existing, { at: args.at, rows: args.rows }] }).then(() => undefined);
  });
}

/** The exports logged on this device for a workshop, oldest first. */
export function listAttendanceExports(db: UserDb, workshopId: string): Promise<AttendanceExportLog[]> {
  return db.meta.get(`attendanceExports:${workshopId}`).then((row) => (row?.value as AttendanceExportLog[] | undefined) ?? []);
}
