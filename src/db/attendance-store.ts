import type { UserDb } from './user-db';

/** Attendance records of one workshop (the table is declared now; its mutations come later). */
export function listAttendance(db: UserDb, workshopId: string) {
  return db.attendance.where('workshopId').equals(workshopId).toArray();
}
