import type { UserDb } from './user-db';

/** Feedback kept on this device for one workshop (declared now; its mutations come later). */
export function listFeedback(db: UserDb, workshopId: string) {
  return db.feedback.where('workshopId').equals(workshopId).toArray();
}
