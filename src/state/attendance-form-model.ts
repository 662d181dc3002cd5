/**
 * The attendance form as typed (all strings), checked against the shared schema with each
 * Spanish error next to its field, and kept in sessionStorage at every keystroke so a reload or
 * Android killing the app never loses a half-typed person. Offline nothing changes.
 */
import * as v from 'valibot';
import { AttendancePerson, type ENTITY_TYPES, type GOVERNMENT_LEVELS, type DOCUMENT_TYPES } from '../shared/schemas/attendance';
import type { LocalAttendance } from './attendance-model';
import { createSessionDraft } from './session-draft';
import { t, type MessageKey } from '../shared/i18n/workshops';

/** The form's fields, as typed; `editingId` is set while correcting a record. */
export interface AttendanceDraft {
  fullName: string;
  documentType: (typeof DOCUMENT_TYPES)[number] | '';
  documentNumber: string;
  entityType: (typeof ENTITY_TYPES)[number] | '';
  entityName: string;
  governmentLevel: (typeof GOVERNMENT_LEVELS)[number] | '';
  regionCode: string;
  position: string;
  email: string;
  phone: string;
  consent: boolean;
  editingId: string;
}

/** A field that can show an error. */
export type AttendanceField = Exclude<keyof AttendanceDraft, 'editingId'>;
/** Errors by field, in Spanish. */
export type AttendanceErrors = Partial<Record<AttendanceField, string>>;

/** An empty form. */
export function makeEmptyAttendanceDraft(): AttendanceDraft {
  return {
    fullName: '', documentType: '', documentNumber: '', entityType: '', entityName: '', governmentLevel: '',
    regionCode: '', position: '', email: '', phone: '', consent: false, editingId: '',
  };
}

/**
 * The form for the next person after a save: people at a workshop come in groups from one
 * entity, so the entity, its level and the region stay; the person's own fields and consent do not.
 */
export function makeNextAttendanceDraft(previous: Pick<AttendancePerson, 'entityType' | 'entityName' | 'governmentLevel' | 'regionCode'>): AttendanceDraft {
  const { entityType, entityName, governmentLevel, regionCode } = previous;
  return { ...makeEmptyAttendanceDraft(), entityType, entityName, governmentLevel, regionCode };
}

/** The form filled from a record, to correct it (consent was given when it was recorded). */
export function makeDraftFromRecord(row: LocalAttendance): AttendanceDraft {
  const p = row.person;
  return {
    fullName: p.fullName, documentType: p.documentType ?? '', documentNumber: p.documentNumber ?? '', entityType: p.entityType,
    entityName: p.entityName, governmentLevel: p.governmentLevel, regionCode: p.regionCode, position: p.position ?? '',
    email: p.email ?? '', phone: p.phone ?? '', consent: true, editingId: row.id,
  };
}

const REQUIRED: [AttendanceField, MessageKey][] = [
  ['fullName', 'attendance.error.fullName'],
  ['entityType', 'attendance.error.entityType'],
  ['entityName', 'attendance.error.entityName'],
  ['governmentLevel', 'attendance.error.governmentLevel'],
  ['regionCode', 'attendance.error.regionCode'],
];

/**
 * Checks the form: the person for `attendance.register` / `.update`, or the Spanish errors by
 * field. Without consent there is always an error on `consent`: the record cannot be saved.
 */
export function validateAttendanceDraft(draft: AttendanceDraft): { person: AttendancePerson } | { errors: AttendanceErrors } {
  const errors: AttendanceErrors = {};
  for (const [field, message] of REQUIRED) if (!String(draft[field]).trim()) errors[field] = t(message);
  if (!draft.consent) errors.consent = t('attendance.error.consent');
  if (draft.documentNumber.trim() && !draft.documentType) errors.documentType = t('attendance.error.documentType');
  const candidate = Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => key !== 'consent' && key !== 'editingId' && (typeof value !== 'string' || value.trim() !== '')),
  );
  const result = v.safeParse(AttendancePerson, candidate);
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key as AttendanceField | undefined;
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { errors };
  return { person: result.output };
}

/** The drafts of the attendance form, by `<workshopId>` (facilitador) or `t:<code>` (self check-in). */
export const attendanceDrafts = createSessionDraft('tinkuy.attendance-draft.', makeEmptyAttendanceDraft);
