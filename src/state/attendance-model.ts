/**
 * Attendance at a workshop, taken by the facilitador in a venue with no signal, or by a
 * participant through the workshop's code. Every action is one transaction over `attendance`
 * and the outbox: it shows at once, survives a reload offline, and sync sends it later.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { findLikelyPerson, findSamePerson, listAttendance, listAttendanceExports, type AttendanceExportLog, type LocalAttendance } from '../db/attendance-store';
import { keyedLiveSignal } from './live-signal';
import { recordMutation } from '../db/record-mutation';
import type { PersonKeys } from '../shared/attendance-match';
import { foldText } from '../shared/fold-text';
import { uuidv7 } from '../shared/ids';
import { t } from '../shared/i18n/workshops';
import type { AttendancePerson, ENTITY_TYPES, GOVERNMENT_LEVELS } from '../shared/schemas/attendance';

export type { AttendanceExportLog, LocalAttendance };

/**
 * The version of the privacy notice below (`attendance.privacy.*` in shared/i18n/es-pe/workshops.ts);
 * kept with every record (Ley 29733). Change it when that text changes.
 */
// v2 (issue 13): says that a constancia shows the name to whoever holds its code.
export const PRIVACY_NOTICE_VERSION = 'ley29733-2026-12-v2';

/** The privacy notice shown before consent, paragraph by paragraph (version PRIVACY_NOTICE_VERSION). */
export const PRIVACY_NOTICE: readonly string[] = [
  t('attendance.privacy.purpose'),
  t('attendance.privacy.controller'),
  t('attendance.privacy.certificate'),
  t('attendance.privacy.retention'),
  t('attendance.privacy.rights'),
  t('attendance.privacy.optional'),
];

/** What the form gives to register a person. */
export interface RegistrationInput {
  workshopId: string;
  /** The roster on screen, when the form has it: the save then needs not read every record again. */
  roster?: readonly LocalAttendance[];
  /** Only on a participant's own check-in: lets the device send it without an account. */
  workshopCode?: string;
  person: AttendancePerson;
  consentGiven: boolean;
  /** Records the facilitador said are NOT this person («No es la misma persona»): never merged with it. */
  distinctFrom?: readonly string[];
}

/** The government level that usually goes with an entity type (the person may change it). */
export const LEVEL_OF_ENTITY: Record<(typeof ENTITY_TYPES)[number], (typeof GOVERNMENT_LEVELS)[number]> = {
  ddc: 'nacional',
  'gobierno-regional': 'regional',
  'municipalidad-provincial': 'provincial',
  'municipalidad-distrital': 'distrital',
  otra: 'otro',
};

/**
 * Registers one person on the device and queues `attendance.register`; returns the new id.
 * Without consent nothing is written (the schema refuses it too). A second record of the same
 * person merges into the first, as on the server. Throws ValidationError / StorageError in Spanish.
 */
export async function registerAttendance(input: RegistrationInput): Promise<string> {
  const started = performance.now();
  const id = uuidv7();
  // The roster on screen already says who is there: the save then reads no records to find out.
  const apart = input.distinctFrom ?? [];
  const hint = input.roster ? { knownMatchId: findSamePerson(input.roster.filter((row) => !apart.includes(row.id)), input.person)?.id ?? null } : undefined;
  const consent = input.consentGiven ? { given: true, textVersion: PRIVACY_NOTICE_VERSION } : { given: false, textVersion: PRIVACY_NOTICE_VERSION };
  await recordMutation(getDatabases().user, 'attendance.register', {
    id,
    workshopId: input.workshopId,
    ...(input.workshopCode ? { workshopCode: input.workshopCode } : {}),
    person: dropEmpty(input.person),
    consent,
    ...(apart.length > 0 ? { distinctFrom: [...apart] } : {}),
  }, hint);
  // User Timing for the bench: from the tap's handler to record + outbox committed.
  performance.measure?.('tinkuy:attendance-save', { start: started });
  return id;
}

/** Corrects fields of a record and queues `attendance.update` (last writer wins per field). */
export async function updateAttendance(id: string, patch: Partial<AttendancePerson>): Promise<void> {
  await recordMutation(getDatabases().user, 'attendance.update', { id, patch: dropEmpty(patch) });
}

/**
 * Joins two records of one person by hand and queues `attendance.merge`: `keepId` stays (its
 * fields win, the other's fill its gaps), `mergeId` leaves the roster. Offline it shows at once.
 */
export async function mergeAttendance(keepId: string, mergeId: string): Promise<void> {
  await recordMutation(getDatabases().user, 'attendance.merge', { keepId, mergeId });
}

/** Removes a record from the roster and queues `attendance.remove`. */
export async function removeAttendance(id: string): Promise<void> {
  await recordMutation(getDatabases().user, 'attendance.remove', { id });
}

/** Optional fields left empty are left out, so the schema does not judge an empty string. */
function dropEmpty<T extends object>(person: T): T {
  return Object.fromEntries(Object.entries(person).filter(([, value]) => typeof value !== 'string' || value.trim() !== '')) as T;
}

/** The roster of one workshop on this device, live, in the order people were registered. */
export const watchRoster: (workshopId: string) => ReadonlySignal<LocalAttendance[]> = keyedLiveSignal(
  (workshopId) => listAttendance(getDatabases().user, workshopId),
  [],
);

/**
 * The record already on the roster for the person being typed (same document, or the same
 * normalised name and entity), for the warning as you type. Pure and in memory: ~0.1 ms for 500.
 */
export function findDuplicate(roster: readonly LocalAttendance[], person: PersonKeys, exceptId?: string): LocalAttendance | undefined {
  if (!person.fullName.trim() && !person.documentNumber?.trim()) return undefined;
  const started = performance.now();
  const found = findSamePerson(roster, person, exceptId);
  timeCheck(started);
  return found;
}

/** A record the person being typed may be: `willMerge` when saving would merge them (the same person by the merge rule). */
export interface LikelyDuplicate {
  record: LocalAttendance;
  willMerge: boolean;
}

/**
 * The record on the roster the person being typed may already be, for the warning as you type:
 * the same person by the merge rule first, else another spelling of the same name at the same
 * entity (Condori/Condory, a missing second surname), which saving would NOT merge.
 */
export function findLikelyDuplicate(roster: readonly LocalAttendance[], person: PersonKeys, exceptId?: string, apart: readonly string[] = []): LikelyDuplicate | undefined {
  if (!person.fullName.trim() && !person.documentNumber?.trim()) return undefined;
  const started = performance.now();
  if (apart.length > 0) roster = roster.filter((row) => !apart.includes(row.id));
  const same = findSamePerson(roster, person, exceptId);
  const found = same ? { record: same, willMerge: true } : (() => {
    const likely = findLikelyPerson(roster, person, exceptId);
    return likely ? { record: likely, willMerge: false } : undefined;
  })();
  timeCheck(started);
  return found;
}

let checksTimed = 0;

/** User Timing for the bench, cleared every 1,000 checks so a long day at a venue does not pile them up. */
function timeCheck(started: number): void {
  if (!performance.measure) return;
  checksTimed += 1;
  if (checksTimed % 1000 === 0) performance.clearMeasures?.('tinkuy:attendance-duplicate-check');
  performance.measure('tinkuy:attendance-duplicate-check', { start: started });
}

/** Whether a record absorbed others (the same person registered twice, here or on another device). */
export function isMerged(row: LocalAttendance): boolean {
  return row.mergedIds.length > 0;
}

/** The roster filtered by a search (name, entity or document; accents and case ignored). */
export function searchRoster(roster: readonly LocalAttendance[], query: string): LocalAttendance[] {
  const folded = fold(query);
  if (!folded) return [...roster];
  return roster.filter((row) =>
    [row.person.fullName, row.person.entityName, row.person.documentNumber ?? '', row.person.position ?? ''].some((field) => fold(field).includes(folded)),
  );
}

function fold(text: string): string {
  return foldText(text).trim();
}

/**
 * Builds the attendance CSV and queues `attendance.export` in the same step (the server logs who
 * exported what and when, Ley 29733; this device keeps its own list too), so no export goes
 * unlogged — offline too: the log waits in the outbox.
 */
export async function exportAttendanceCsv(workshopId: string, roster: readonly LocalAttendance[]): Promise<Blob> {
  const { formatAttendanceCsv } = await import('./attendance-report-model');
  const csv = formatAttendanceCsv(roster);
  await recordMutation(getDatabases().user, 'attendance.export', { workshopId, rows: roster.length, format: 'csv', at: new Date().toISOString() });
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}

/** The exports logged on this device for a workshop, live. */
export const watchExports: (workshopId: string) => ReadonlySignal<AttendanceExportLog[]> = keyedLiveSignal(
  (workshopId) => listAttendanceExports(getDatabases().user, workshopId),
  [],
);
