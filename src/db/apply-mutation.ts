import type { MutationArgs, MutationName } from '../shared/mutations';
import { applyEventArchive, applyEventSave } from './events-store';
import { applyChecklistAddItem, applyChecklistStart } from './checklist-runs-store';
import { applyChecklistSetItem } from './checklist-items-store';
import { applyAttendanceExport, applyAttendanceRegister, applyAttendanceRemove, applyAttendanceUpdate } from './attendance-store';
import { applyFeedbackSubmit } from './feedback-store';
import type { UserDb } from './user-db';

type Applier<N extends MutationName> = (db: UserDb, args: MutationArgs<N>, hlc: string) => Promise<void>;

/**
 * The local effect of each mutation: the same rules the server applies, on the device's copy.
 * A mutation without an entry here (a feature that writes its own table in its own
 * transaction with `enqueueMutation`) is only queued.
 */
const APPLIERS: { [N in MutationName]?: Applier<N> } = {
  'event.save': applyEventSave,
  'event.archive': applyEventArchive,
  'checklist.start': (db, args) => applyChecklistStart(db, args, ''),
  'checklist.setItem': applyChecklistSetItem,
  'checklist.addItem': (db, args) => applyChecklistAddItem(db, args),
  // workshop.save has no user-DB effect: the workshop model shows it in the catalogue DB apart.
  'attendance.register': applyAttendanceRegister,
  'attendance.update': applyAttendanceUpdate,
  'attendance.remove': (db, args) => applyAttendanceRemove(db, args),
  'feedback.submit': (db, args) => applyFeedbackSubmit(db, args),
  'attendance.export': (db, args) => applyAttendanceExport(db, args),
};

/** The tables each mutation touches locally, so its transaction can be opened over them. */
export const MUTATION_TABLES: { [N in MutationName]?: ('events' | 'checklistRuns' | 'checklistItems' | 'attendance')[] } = {
  'event.save': ['events'],
  'event.archive': ['events'],
  'checklist.start': ['checklistRuns'],
  'checklist.setItem': ['checklistItems'],
  'checklist.addItem': ['checklistRuns'],
  'attendance.register': ['attendance'],
  'attendance.update': ['attendance'],
  'attendance.remove': ['attendance'],
  // feedback.submit and attendance.export write only `meta`, which every recorded mutation's transaction covers.
};

/** Applies one mutation to the local tables; call inside a transaction covering MUTATION_TABLES[name]. */
export function applyMutationLocally<N extends MutationName>(
  db: UserDb,
  name: N,
  args: MutationArgs<N>,
  hlc: string,
): Promise<void> {
  const applier = APPLIERS[name] as Applier<N> | undefined;
  return applier ? applier(db, args, hlc) : Promise.resolve();
}
