/**
 * Ley 29733 for the coordinación in the app: what an erasure would remove, seen before erasing
 * (the same match as `eraseAttendance`), and the attendance export log across every workshop.
 */
import type { AdminExport, EraseRequest, ErasureMatch } from '../../shared/schemas/admin';
import { makeDocumentKey, makeNameKey } from '../../shared/schemas/attendance';
import type { AppContext } from '../context';
import { readJson } from '../store/json';

/** Most export lines one answer carries, newest first. */
export const EXPORT_LOG_LIMIT = 500;

function readTitle(data: string | null): string | null {
  if (data === null) return null;
  const parsed = readJson<{ title?: unknown }>(data);
  return typeof parsed.title === 'string' ? parsed.title : null;
}

/** The attendance records (in every workshop) that erasing with `request` would turn into tombstones. */
export async function previewErasure(ctx: AppContext, request: EraseRequest): Promise<ErasureMatch[]> {
  const byDocument = 'documentType' in request;
  const key = byDocument ? makeDocumentKey(request) : makeNameKey(request);
  if (!key) return [];
  const rows = await ctx.db
    .selectFrom('attendance')
    .leftJoin('workshops', 'workshops.id', 'attendance.workshop_id')
    .select(['attendance.id', 'attendance.person', 'attendance.recorded_at', 'workshops.code', 'workshops.data'])
    .where(byDocument ? 'attendance.doc_key' : 'attendance.name_key', '=', key)
    .where('attendance.deleted', '=', 0)
    .orderBy('attendance.recorded_at')
    .execute();
  return rows.map((row) => {
    const person = readJson<{ fullName?: string; entityName?: string }>(row.person);
    return {
      id: row.id,
      fullName: person.fullName ?? '',
      entityName: person.entityName ?? '',
      workshopTitle: readTitle(row.data),
      workshopCode: row.code,
      recordedAt: row.recorded_at,
    };
  });
}

/** Every logged export across workshops, newest first (at most EXPORT_LOG_LIMIT). */
export async function listAllExports(ctx: AppContext): Promise<AdminExport[]> {
  const rows = await ctx.db
    .selectFrom('attendance_exports')
    .leftJoin('users', 'users.id', 'attendance_exports.exported_by')
    .leftJoin('workshops', 'workshops.id', 'attendance_exports.workshop_id')
    .select([
      'attendance_exports.id', 'attendance_exports.workshop_id', 'attendance_exports.exported_by', 'attendance_exports.rows',
      'attendance_exports.format', 'attendance_exports.exported_at', 'attendance_exports.logged_at',
      'users.name', 'users.email', 'workshops.code', 'workshops.data',
    ])
    .orderBy('attendance_exports.exported_at', 'desc')
    .limit(EXPORT_LOG_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workshopId: row.workshop_id,
    workshopTitle: readTitle(row.data),
    workshopCode: row.code,
    exportedBy: row.name !== null && row.email !== null ? { id: row.exported_by, name: row.name, email: row.email } : null,
    rows: Number(row.rows),
    format: row.format,
    exportedAt: row.exported_at,
    loggedAt: row.logged_at,
  }));
}
