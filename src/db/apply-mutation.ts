import type { MutationArgs, MutationName } from '../shared/mutations';
import { applyEventArchive, applyEventSave } from './events-store';
import { applyChecklistAddItem, applyChecklistStart } from './checklist-runs-store';
import { applyChecklistSetItem } from './checklist-items-store';
import { applyAttendanceExport, applyAttendanceMerge, applyAttendanceRegister, applyAttendanceRemove, applyAttendanceUpdate, type RegisterHint } from './attendance-store';
import { applyFeedbackSubmit } from './feedback-store';
import { applyCloseProposal } from './attendance-proposals-store';
import { applyCertificateIssue, applyCertificateRevoke } from './certificates-store';
import { applyAttachPhoto, applyRemovePhoto, type PhotoBlobs } from './photos-store';
import type { UserDb } from './user-db';

/** The user tables a mutation's local effect may write (`outbox` and `meta` are always covered). */
export type EffectTable = 'events' | 'checklistRuns' | 'checklistItems' | 'attendance' | 'attendanceProposals' | 'certificates' | 'photos' | 'mediaUploads';

/** What the screen already knows that spares a local effect a lookup, for the few mutations that take one. */
interface LocalHints {
  'attendance.register': RegisterHint;
  'checklist.attachPhoto': PhotoBlobs;
}

/** The hint a mutation's local effect accepts (`never`: none). */
export type LocalHint<N extends MutationName> = N extends keyof LocalHints ? LocalHints[N] : never;

/** What a mutation does on this device: the tables its transaction opens, and the change itself. */
export interface LocalEffect<N extends MutationName> {
  tables: readonly EffectTable[];
  apply(db: UserDb, args: MutationArgs<N>, hlc: string, hint?: LocalHint<N>): Promise<void>;
}

/**
 * The local effect of EVERY mutation, total over the shared contract (a new name fails `tsc`
 * until it has an entry): the same rules the server applies, on the device's copy, so the change
 * shows at once, offline too. `'queue-only'`: the mutation is only queued (a feature that writes
 * its own table apart, e.g. the workshop model showing a saved workshop in the catalogue DB).
 */
const LOCAL_EFFECTS: { [N in MutationName]: LocalEffect<N> | 'queue-only' } = {
  'event.save': { tables: ['events'], apply: applyEventSave },
  'event.archive': { tables: ['events'], apply: applyEventArchive },
  'checklist.start': { tables: ['checklistRuns'], apply: (db, args) => applyChecklistStart(db, args, '') },
  'checklist.setItem': { tables: ['checklistItems'], apply: applyChecklistSetItem },
  'checklist.addItem': { tables: ['checklistRuns'], apply: (db, args) => applyChecklistAddItem(db, args) },
  // Photos (#13): the images come as a hint from the screen; they join the upload queue, never the outbox.
  'checklist.attachPhoto': { tables: ['photos', 'mediaUploads'], apply: (db, args, _hlc, blobs) => applyAttachPhoto(db, args, blobs) },
  'checklist.removePhoto': { tables: ['photos', 'mediaUploads'], apply: (db, args) => applyRemovePhoto(db, args) },
  'workshop.save': 'queue-only',
  'attendance.register': { tables: ['attendance'], apply: applyAttendanceRegister },
  'attendance.update': { tables: ['attendance'], apply: applyAttendanceUpdate },
  'attendance.merge': { tables: ['attendance'], apply: (db, args) => applyAttendanceMerge(db, args) },
  'attendance.remove': { tables: ['attendance'], apply: (db, args) => applyAttendanceRemove(db, args) },
  'attendance.closeProposal': { tables: ['attendanceProposals'], apply: (db, args) => applyCloseProposal(db, args) },
  // These two write only `meta` (a sent flag, the device's export log).
  'attendance.export': { tables: [], apply: (db, args) => applyAttendanceExport(db, args) },
  'feedback.submit': { tables: [], apply: (db, args) => applyFeedbackSubmit(db, args) },
  'certificate.issue': { tables: ['certificates'], apply: (db, args) => applyCertificateIssue(db, args) },
  'certificate.revoke': { tables: ['certificates'], apply: (db, args) => applyCertificateRevoke(db, args) },
};

function effectOf<N extends MutationName>(name: N): LocalEffect<N> | 'queue-only' {
  return LOCAL_EFFECTS[name] as LocalEffect<N> | 'queue-only';
}

/** The tables a mutation touches locally, so its transaction can be opened over them. */
export function tablesOf(name: MutationName): readonly EffectTable[] {
  const effect = effectOf(name);
  return effect === 'queue-only' ? [] : effect.tables;
}

/** Applies one mutation to the local tables; call inside a transaction covering `tablesOf(name)`. */
export function applyMutationLocally<N extends MutationName>(db: UserDb, name: N, args: MutationArgs<N>, hlc: string, hint?: LocalHint<N>): Promise<void> {
  const effect = effectOf(name);
  return effect === 'queue-only' ? Promise.resolve() : effect.apply(db, args, hlc, hint);
}
