import type { RejectedRow } from '../db/rejected-store';
import { rejectedChanges } from './sync-model';

/** What a participant without an account can do on a workshop's page, by mutation name. */
export type ParticipantAction = 'attendance.register' | 'feedback.submit';

/** The latest refusal of `action` on one workshop in a list of refused changes, if any. */
export function findRefusal(rows: readonly RejectedRow[], workshopId: string, action: ParticipantAction): RejectedRow | undefined {
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const row = rows[i]!;
    if (row.name === action && (row.args as { workshopId?: unknown } | null)?.workshopId === workshopId) return row;
  }
  return undefined;
}

/**
 * The server's refusal of this phone's check-in or feedback on a workshop, live (read it in a
 * render): the participant must see it where they acted, never a false «Enviado».
 */
export function readRefusal(workshopId: string, action: ParticipantAction): RejectedRow | undefined {
  return findRefusal(rejectedChanges.value, workshopId, action);
}
