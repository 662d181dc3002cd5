import type { AttendanceProposalRow } from '../shared/schemas/attendance';
import type { UserDb } from './user-db';

/**
 * Proposed corrections pulled for the workshops this account runs (DESIGN.md § Merge rules): a
 * self check-in that matched a listed person never rewrote them; its differences wait here.
 * Offline, closing one removes it at once; the server's tombstone confirms it on the next pull.
 */
export type LocalProposal = AttendanceProposalRow;

/** The open proposals of one workshop, oldest first. */
export async function listProposals(db: UserDb, workshopId: string): Promise<LocalProposal[]> {
  const rows = await db.attendanceProposals.where('workshopId').equals(workshopId).toArray();
  return rows.sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : 0));
}

/** Applies `attendance.closeProposal` locally: the proposal leaves the screen. Call inside a transaction over `attendanceProposals`. */
export async function applyCloseProposal(db: UserDb, args: { id: string }): Promise<void> {
  await db.attendanceProposals.delete(args.id);
}
