import { mergeFields } from '../shared/merge';
import { foldPlaceName } from '../shared/places/names';
import type {
  AttendancePerson, AttendanceRegisterArgs, AttendanceRemoveArgs, AttendanceRow, AttendanceUpdateArgs,
} from '../shared/schemas/attendance';
import type { UserDb } from './user-db';

/** An attendance record as kept on the device: the pulled row, plus which local write set each field. */
export interface LocalAttendance extends AttendanceRow {
  fieldHlc?: Partial<Record<keyof AttendancePerson, string>>;
}

/** The parts of a person that say "this is the same person" (DESIGN § Merge rules). */
export type PersonKeys = Pick<AttendancePerson, 'fullName' | 'entityName'> & Partial<Pick<AttendancePerson, 'documentNumber'>>;

/** A document number as compared: no spaces or hyphens, upper-case; empty when absent. */
export function foldDocument(number: string | undefined): string {
  return (number ?? '').replace(/[\s-]/g, '').toUpperCase();
}

/** A name or entity as compared: accents, case, punctuation and extra spaces removed. */
export function foldName(name: string): string {
  return foldPlaceName(name.replace(/[.,;:'"()]/g, ' '));
}

/**
 * Whether two people are the same for the RED: the same document number, or the same
 * normalised full name and entity name. Pure, so the warning and the local merge agree.
 */
export function isSamePerson(a: PersonKeys, b: PersonKeys): boolean {
  const docA = foldDocument(a.documentNumber);
  if (docA && docA === foldDocument(b.documentNumber)) return true;
  return foldName(a.fullName) === foldName(b.fullName) && foldName(a.entityName) === foldName(b.entityName) && foldName(a.fullName) !== '';
}

/** The first record in `rows` for the same person as `person` (ignoring `exceptId`), or undefined. */
export function findSamePerson<R extends { id: string; person: PersonKeys }>(rows: readonly R[], person: PersonKeys, exceptId?: string): R | undefined {
  return rows.find((row) => row.id !== exceptId && isSamePerson(row.person, person));
}

/**
 * Applies `attendance.register` locally, with the server's rule: a second record of the same
 * person in the workshop merges into the first (its id joins `mergedIds`, and fields the first
 * left empty are filled). Offline the roster and counts are right at once. Call inside a transaction.
 */
export async function applyAttendanceRegister(db: UserDb, args: AttendanceRegisterArgs, hlc: string): Promise<void> {
  if (await db.attendance.get(args.id)) return;
  const rows = (await listAttendance(db, args.workshopId)) as LocalAttendance[];
  const nowIso = new Date(db.now()).toISOString();
  const first = findSamePerson(rows, args.person);
  if (first) {
    const filled = { ...args.person, ...stripEmpty(first.person) } as AttendancePerson;
    await db.attendance.put({ ...first, person: filled, mergedIds: [...first.mergedIds, args.id], updatedAt: nowIso });
    return;
  }
  const row: LocalAttendance = {
    id: args.id, workshopId: args.workshopId, person: args.person, consent: args.consent,
    recordedBy: null, recordedAt: nowIso, mergedIds: [], updatedAt: nowIso, fieldHlc: {},
  };
  await db.attendance.put(row as unknown as LocalAttendance & Record<string, unknown>);
  void hlc;
}

function stripEmpty(person: AttendancePerson): Partial<AttendancePerson> {
  return Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined && value !== '')) as Partial<AttendancePerson>;
}

/** Applies `attendance.update` locally: last writer wins per field, by HLC. Call inside a transaction. */
export async function applyAttendanceUpdate(db: UserDb, args: AttendanceUpdateArgs, hlc: string): Promise<void> {
  const existing = (await db.attendance.get(args.id)) as LocalAttendance | undefined;
  if (!existing) return;
  const merged = mergeFields<AttendancePerson>({ values: existing.person, fieldHlc: existing.fieldHlc ?? {} }, args.patch as Partial<AttendancePerson>, hlc);
  if (!merged.changed) return;
  await db.attendance.put({
    ...existing,
    person: merged.state.values as AttendancePerson,
    fieldHlc: merged.state.fieldHlc,
    updatedAt: new Date(db.now()).toISOString(),
  } as LocalAttendance & Record<string, unknown>);
}

/** Applies `attendance.remove` locally: the record leaves the roster (the server keeps a tombstone). */
export async function applyAttendanceRemove(db: UserDb, args: AttendanceRemoveArgs): Promise<void> {
  await db.attendance.delete(args.id);
}

/** Attendance records of one workshop on this device, in the order they were recorded. */
export function listAttendance(db: UserDb, workshopId: string): Promise<LocalAttendance[]> {
  // A Dexie promise chain, not a native async function: it may run inside a write transaction.
  return db.attendance.where('workshopId').equals(workshopId).toArray()
    .then((rows) => (rows as unknown as LocalAttendance[]).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)));
}

/** One CSV export of a workshop's attendance: who and when (Ley 29733: log who exported what). */
export interface AttendanceExportLog {
  at: string;
  by: string;
  rows: number;
}

/**
 * Logs an export on this device (meta `attendanceExports:<workshopId>`). The contract has no
 * `attendance.export` mutation yet, so the log stays local until the server takes one.
 */
export async function logAttendanceExport(db: UserDb, workshopId: string, entry: AttendanceExportLog): Promise<void> {
  const key = `attendanceExports:${workshopId}`;
  await db.transaction('rw', db.meta, async () => {
    const existing = ((await db.meta.get(key))?.value as AttendanceExportLog[] | undefined) ?? [];
    await db.meta.put({ key, value: [...existing, entry] });
  });
}

/** The exports logged on this device for a workshop, oldest first. */
export async function listAttendanceExports(db: UserDb, workshopId: string): Promise<AttendanceExportLog[]> {
  return ((await db.meta.get(`attendanceExports:${workshopId}`))?.value as AttendanceExportLog[] | undefined) ?? [];
}
