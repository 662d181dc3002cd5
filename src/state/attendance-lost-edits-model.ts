import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { forgetLostEdit, listLostFieldEditsOfKind, type LostFieldEdit } from '../db/lost-edits-store';
import type { AttendanceTextField } from '../shared/schemas/attendance';
import { liveSignal } from './live-signal';
import { updateAttendance } from './attendance-model';

/**
 * Corrections of a participant's record that lost to another phone's later correction (issue 9,
 * «no edit disappears without a trace»): kept by the pull (db/lost-edits-store.ts), shown on the
 * record in the roster, restored as a new correction or dismissed.
 */

/** A name, entity, email, phone, document or position corrected here that another phone replaced. */
export type LostAttendanceEdit = LostFieldEdit<AttendanceTextField>;

/** Every kept losing correction on this device, live; the roster picks its records' ones. */
export const lostAttendanceEdits: ReadonlySignal<LostAttendanceEdit[]> = liveSignal(
  () => listLostFieldEditsOfKind<AttendanceTextField>(getDatabases().user, 'attendance'),
  [],
);

/** Brings back this device's text as a new `attendance.update` (it wins now), then forgets the copy. */
export async function restoreLostAttendanceEdit(edit: LostAttendanceEdit): Promise<void> {
  await updateAttendance(edit.rowId, { [edit.field]: edit.text });
  await forgetLostEdit(getDatabases().user, edit.key);
}

/** Forgets a kept losing correction: the other phone's version stays. */
export async function dismissLostAttendanceEdit(key: string): Promise<void> {
  await forgetLostEdit(getDatabases().user, key);
}
