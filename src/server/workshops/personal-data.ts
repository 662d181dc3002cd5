/**
 * Ley 29733 on the server: a coordinador erases a person's attendance everywhere, and the
 * workshop's owner or a coordinador reads who exported its attendance and when.
 */
import { randomUUID } from 'node:crypto';
import { EraseRequest } from '../../shared/schemas/admin';
import { makeDocumentKey, makeNameKey } from '../../shared/schemas/attendance';
import type { AppContext } from '../context';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import { scrubbedTombstone } from './attendance-handlers';
import { closeProposalsOf } from './attendance-proposals';

/** Who to erase: the shared schema (the Administración screen builds its form on it). */
export { EraseRequest };

/**
 * Turns every matching attendance record, in every workshop, into a tombstone with no personal
 * data left, and logs who erased, when and how many — never whose data. Devices that hold a
 * copy drop it on their next pull. Returns how many records were erased.
 */
export async function eraseAttendance(ctx: AppContext, erasedBy: string, request: EraseRequest): Promise<number> {
  const byDocument = 'documentType' in request;
  const key = byDocument ? makeDocumentKey(request) : makeNameKey(request);
  return runInTransaction(ctx.db, async (trx) => {
    await lockVersionCounter(trx, ctx.engine);
    const nowIso = new Date(ctx.now()).toISOString();
    const column = byDocument ? 'doc_key' : 'name_key';
    const matches = key ? await trx.selectFrom('attendance').select('id').where(column, '=', key).where('deleted', '=', 0).execute() : [];
    for (const { id } of matches) {
      await trx.updateTable('attendance').set(scrubbedTombstone(await nextVersion(trx), nowIso)).where('id', '=', id).execute();
      await closeProposalsOf(trx, id, nowIso);
    }
    await trx
      .insertInto('attendance_erasures')
      .values({ id: randomUUID(), erased_by: erasedBy, erased_at: nowIso, matched_by: byDocument ? 'document' : 'name', count: matches.length })
      .execute();
    return matches.length;
  });
}

/** One logged export, as the owner or a coordinador reads it. */
export interface ExportLogEntry {
  id: string;
  workshopId: string;
  exportedBy: { id: string; name: string; email: string } | null;
  rows: number;
  format: string;
  /** When the device exported (maybe offline), ISO UTC. */
  exportedAt: string;
  /** When the server received the log line. */
  loggedAt: string;
}

/** The workshop's export log, newest first. */
export async function listExports(ctx: AppContext, workshopId: string): Promise<ExportLogEntry[]> {
  const rows = await ctx.db
    .selectFrom('attendance_exports')
    .leftJoin('users', 'users.id', 'attendance_exports.exported_by')
    .select(['attendance_exports.id', 'workshop_id', 'exported_by', 'rows', 'format', 'exported_at', 'logged_at', 'users.name', 'users.email'])
    .where('workshop_id', '=', workshopId)
    .orderBy('exported_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workshopId: row.workshop_id,
    exportedBy: row.name !== null && row.email !== null ? { id: row.exported_by, name: row.name, email: row.email } : null,
    rows: Number(row.rows),
    format: row.format,
    exportedAt: row.exported_at,
    loggedAt: row.logged_at,
  }));
}

/** One erasure as the coordinación reads it: who, when, matched how, how many — never whose data. */
export interface ErasureLogEntry {
  id: string;
  erasedBy: { id: string; name: string; email: string } | null;
  erasedAt: string;
  matchedBy: 'document' | 'name';
  count: number;
}

/** Every erasure, newest first. */
export async function listErasures(ctx: AppContext): Promise<ErasureLogEntry[]> {
  const rows = await ctx.db
    .selectFrom('attendance_erasures')
    .leftJoin('users', 'users.id', 'attendance_erasures.erased_by')
    .select(['attendance_erasures.id', 'erased_by', 'erased_at', 'matched_by', 'count', 'users.name', 'users.email'])
    .orderBy('erased_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    erasedBy: row.name !== null && row.email !== null ? { id: row.erased_by, name: row.name, email: row.email } : null,
    erasedAt: row.erased_at,
    matchedBy: row.matched_by === 'name' ? 'name' : 'document',
    count: Number(row.count),
  }));
}
