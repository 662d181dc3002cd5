/**
 * Attendance on the server (DESIGN.md § Merge rules): the same person registered twice in one
 * workshop — from two devices, or by the facilitador and by themselves — becomes ONE record:
 * the first one keeps its id, fields merge by HLC, and the second id is listed in `mergedIds`
 * and left as a tombstone pointing to the first, so the device that made it drops its copy on
 * the next pull and a later correction of it lands on the surviving record.
 */
import { randomUUID } from 'node:crypto';
import { computeKeys, isSameKeys, keepBetterSpelling } from '../../shared/attendance-match';
import { mergeFields, type FieldState } from '../../shared/merge';
import {
  makeDocumentKey,
  makeNameKey,
  type AttendanceExportArgs,
  type AttendancePerson,
  type AttendanceRegisterArgs,
  type AttendanceRemoveArgs,
  type AttendanceRow,
  type AttendanceUpdateArgs,
} from '../../shared/schemas/attendance';
import type { AttendanceTable } from '../store/schema';
import { nextVersion } from '../store/version';
import { readJson, writeJson } from '../store/json';
import type { MutationContext, MutationOutcome } from '../sync/mutation-context';
import { findCachedSamePerson, readRow } from '../sync/push-reads';
import { DirectWritesNeeded, isStaging, writeRow } from '../sync/push-writes';
import { closeProposalsOf, proposeCorrection } from './attendance-proposals';
import { checkAttendanceRoom } from './participant-capacity';
import { checkWorkshopAccess } from './workshop-access';
import { findWorkshop } from './workshop-store';
import { canRunWorkshopById } from './workshop-team';

const APPLIED: MutationOutcome = { applied: true };
const GONE: MutationOutcome = { applied: false, code: 'missing_record', message: 'Este registro de asistencia fue eliminado; el cambio no se aplicó.' };

/** What merges field by field: the person's fields and the consent. */
type MergedFields = AttendancePerson & { consent: AttendanceRegisterArgs['consent'] };

/** A stored record as pulled by the workshop's owner and coordinadores. */
export function toAttendanceRow(stored: AttendanceTable): AttendanceRow {
  return {
    id: stored.id,
    workshopId: stored.workshop_id,
    person: readJson(stored.person),
    consent: readJson(stored.consent),
    recordedBy: stored.recorded_by,
    recordedAt: stored.recorded_at,
    mergedIds: readJson(stored.merged_ids),
    ...readDistinct(stored),
    updatedAt: stored.updated_at,
    // Devices tell their own corrections from others' by it (a losing text is kept, issue 9).
    fieldHlc: readJson(stored.field_hlc),
  };
}

/** The ids a record must never merge with, as the pulled row carries them (absent when none). */
function readDistinct(stored: AttendanceTable): { distinctFrom?: string[] } {
  const ids = readJson<string[]>(stored.distinct_from ?? '[]');
  return ids.length > 0 ? { distinctFrom: ids } : {};
}

/** A record by id: from the push's snapshot when it keeps attendance (push-reads.ts), else from the database. */
async function readRecord(ctx: MutationContext, id: string): Promise<AttendanceTable | undefined> {
  return readRow(ctx.trx, 'attendance', id);
}

/** The record a (maybe merged-away) id stands for now. */
async function followMerge(ctx: MutationContext, stored: AttendanceTable | undefined): Promise<AttendanceTable | undefined> {
  return stored?.merged_into ? readRecord(ctx, stored.merged_into) : stored;
}

/**
 * The first live record of the same person in the workshop, by the shared rule
 * (`shared/attendance-match.ts`, the device's too): the same document, or the same folded name
 * and entity — unless both carry documents and they differ (two namesakes).
 */
async function findSamePerson(ctx: MutationContext, workshopId: string, person: AttendancePerson, distinctFrom: readonly string[] = []): Promise<AttendanceTable | undefined> {
  // A push of check-ins fetched the workshop's possible matches at its start: the same rule, in memory.
  const cached = findCachedSamePerson(ctx.trx, workshopId, person, distinctFrom);
  if (cached) return cached.found;
  const wanted = computeKeys(person);
  // Two equality lookups, each on its own (workshop, key) index (one OR query scans the
  // workshop), sent as one UNION ALL: one round trip while the push holds the version counter.
  const lookUp = (column: 'doc_key' | 'name_key', key: string) =>
    ctx.trx.selectFrom('attendance').selectAll().where('workshop_id', '=', workshopId).where(column, '=', key).where('deleted', '=', 0);
  const arms = [wanted.doc === undefined ? undefined : lookUp('doc_key', wanted.doc), wanted.name === undefined ? undefined : lookUp('name_key', wanted.name)]
    .filter((arm) => arm !== undefined);
  const found = arms.length === 0 ? [] : await arms.reduce((union, arm) => union.unionAll(arm)).execute();
  const candidates = found
    // «No es la misma persona»: a record the facilitador set apart is never the same person.
    .filter((c) => !distinctFrom.includes(c.id) && isSameKeys(wanted, { doc: c.doc_key ?? undefined, name: c.name_key ?? undefined }))
    .sort((a, b) => (a.recorded_at === b.recorded_at ? (a.id < b.id ? -1 : 1) : a.recorded_at < b.recorded_at ? -1 : 1));
  return candidates[0];
}

/**
 * Folds `fields` into `target` by HLC; `mergedId` is the id that became this record. A self
 * check-in passes no fields: it only records that its id is this person.
 */
async function mergeInto(ctx: MutationContext, target: AttendanceTable, fields: Partial<MergedFields>, mergedId?: string): Promise<void> {
  const state: FieldState<MergedFields> = {
    values: { ...readJson<AttendancePerson>(target.person), consent: readJson(target.consent) },
    fieldHlc: readJson(target.field_hlc),
  };
  const merged = mergeFields(state, fields, ctx.hlc);
  const mergedIds = readJson<string[]>(target.merged_ids);
  const isNewMerge = mergedId !== undefined && !mergedIds.includes(mergedId);
  if (!merged.changed && !isNewMerge) return;
  const { consent, ...mergedPerson } = merged.state.values as MergedFields;
  // The same person written two ways (María/MARIA): the better spelling stays, whichever is newer.
  const person = keepBetterSpelling(mergedPerson, readJson<AttendancePerson>(target.person), fields);
  await writeRow(ctx.trx, 'attendance', {
    ...target,
    person: writeJson(person),
    consent: writeJson(consent),
    field_hlc: writeJson(merged.state.fieldHlc),
    doc_key: makeDocumentKey(person) ?? null,
    name_key: makeNameKey(person),
    merged_ids: writeJson(isNewMerge ? [...mergedIds, mergedId] : mergedIds),
    version: await nextVersion(ctx.trx),
    updated_at: ctx.nowIso,
  }, false);
}

/** A registration meeting a person already listed: the workshop's team merge by HLC; a self check-in only proposes. */
async function foldIntoExisting(ctx: MutationContext, isTeam: boolean, target: AttendanceTable, args: AttendanceRegisterArgs, mergedId?: string): Promise<void> {
  if (isTeam) return mergeInto(ctx, target, { ...args.person, consent: args.consent }, mergedId);
  await mergeInto(ctx, target, {}, mergedId);
  await proposeCorrection(ctx, target, args);
}

/**
 * `attendance.register` v1: a new record; the same id again merges into it (or where it was
 * merged); the same person already present merges into the first record. A record removed or
 * erased is never brought back by a late copy of it. A self check-in never changes a record
 * that exists: its differences become a proposed correction (`attendance-proposals.ts`).
 */
export async function applyAttendanceRegister(ctx: MutationContext, args: AttendanceRegisterArgs): Promise<MutationOutcome> {
  const access = await checkWorkshopAccess(ctx, args.workshopId, args.workshopCode);
  if (access.refusal) return access.refusal;
  // A self check-in counts places and may propose a correction: both read what the push wrote.
  if (!access.isTeam && isStaging(ctx.trx)) throw new DirectWritesNeeded();
  const existing = await readRecord(ctx, args.id);
  if (existing) {
    if (existing.workshop_id !== args.workshopId) return { applied: false, code: 'conflict' };
    const target = await followMerge(ctx, existing);
    if (target && target.deleted === 0) await foldIntoExisting(ctx, access.isTeam, target, args);
    return APPLIED;
  }
  const base = {
    workshop_id: args.workshopId,
    owner_id: access.workshop.owner_id,
    // Who recorded it: the workshop's team, or nobody (a self check-in).
    recorded_by: access.isTeam ? ctx.caller.id : null,
    recorded_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  };
  const first = await findSamePerson(ctx, args.workshopId, args.person, args.distinctFrom);
  const noRoom = await checkAttendanceRoom(ctx, access.workshop, !first);
  if (noRoom) return noRoom;
  if (first) {
    await foldIntoExisting(ctx, access.isTeam, first, args, args.id);
    const redirect = { person: '{}', consent: '{}', field_hlc: '{}', doc_key: null, name_key: null, merged_ids: '[]', merged_into: first.id, distinct_from: '[]', deleted: 1 };
    await writeRow(ctx.trx, 'attendance', { id: args.id, ...base, ...redirect, version: await nextVersion(ctx.trx) }, true);
    return APPLIED;
  }
  const fieldHlc = Object.fromEntries([...Object.keys(args.person), 'consent'].map((key) => [key, ctx.hlc]));
  await writeRow(ctx.trx, 'attendance', {
    id: args.id,
    ...base,
    person: writeJson(args.person),
    consent: writeJson(args.consent),
    field_hlc: writeJson(fieldHlc),
    doc_key: makeDocumentKey(args.person) ?? null,
    name_key: makeNameKey(args.person),
    merged_ids: '[]',
    merged_into: null,
    distinct_from: writeJson(args.distinctFrom ?? []),
    deleted: 0,
    version: await nextVersion(ctx.trx),
  }, true);
  return APPLIED;
}

/** `attendance.update` v1: a correction by the workshop's owner or a coordinador, field by field by HLC. */
export async function applyAttendanceUpdate(ctx: MutationContext, args: AttendanceUpdateArgs): Promise<MutationOutcome> {
  const target = await followMerge(ctx, await readRecord(ctx, args.id));
  if (!target) return { applied: false, code: 'missing_record' };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, target.workshop_id, target.owner_id))) return { applied: false, code: 'not_owner' };
  if (target.deleted === 1) return GONE;
  const state: FieldState<AttendancePerson> = { values: readJson(target.person), fieldHlc: readJson(target.field_hlc) };
  const merged = mergeFields(state, args.patch as Partial<AttendancePerson>, ctx.hlc);
  if (!merged.changed) return APPLIED;
  const person = merged.state.values as AttendancePerson;
  const fieldHlc = { ...readJson<Record<string, string>>(target.field_hlc), ...merged.state.fieldHlc };
  await ctx.trx
    .updateTable('attendance')
    .set({
      person: writeJson(person),
      field_hlc: writeJson(fieldHlc),
      doc_key: makeDocumentKey(person) ?? null,
      name_key: makeNameKey(person),
      version: await nextVersion(ctx.trx),
      updated_at: ctx.nowIso,
    })
    .where('id', '=', target.id)
    .execute();
  return APPLIED;
}

/** The columns that turn a record into a tombstone with no personal data left in it. */
export function scrubbedTombstone(version: number, nowIso: string) {
  return { person: '{}', consent: '{}', field_hlc: '{}', doc_key: null, name_key: null, deleted: 1, version, updated_at: nowIso };
}

/** `attendance.remove` v1: the owner or a coordinador removes a record; a tombstone without personal data stays. */
export async function applyAttendanceRemove(ctx: MutationContext, args: AttendanceRemoveArgs): Promise<MutationOutcome> {
  const stored = await readRecord(ctx, args.id);
  if (!stored) return { applied: false, code: 'missing_record' };
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, stored.workshop_id, stored.owner_id))) return { applied: false, code: 'not_owner' };
  // A merged-away id is already gone; removing it must not remove the person it merged into.
  if (stored.deleted === 1) return APPLIED;
  await ctx.trx.updateTable('attendance').set(scrubbedTombstone(await nextVersion(ctx.trx), ctx.nowIso)).where('id', '=', args.id).execute();
  await closeProposalsOf(ctx.trx, args.id, ctx.nowIso);
  return APPLIED;
}

/** `attendance.export` v1: logs who exported a workshop's attendance, how many rows, and when. */
export async function applyAttendanceExport(ctx: MutationContext, args: AttendanceExportArgs): Promise<MutationOutcome> {
  const workshop = await findWorkshop(ctx.trx, args.workshopId);
  if (!workshop) return { applied: false, code: 'missing_record', message: 'El taller no existe o fue retirado del programa.' };
  // The log is the Ley 29733 trail of who took the list: only those who may read it write it.
  if (!(await canRunWorkshopById(ctx.trx, ctx.caller, workshop.id, workshop.owner_id))) return { applied: false, code: 'not_owner' };
  await ctx.trx
    .insertInto('attendance_exports')
    .values({ id: randomUUID(), workshop_id: args.workshopId, exported_by: ctx.caller.id, rows: args.rows, format: args.format, exported_at: args.at, logged_at: ctx.nowIso })
    .execute();
  return APPLIED;
}
