import * as v from 'valibot';
import { Id, IsoInstant, requiredText, StorableString, text } from './common';
import { WorkshopCode } from './workshop';
import { RegionCode } from '../places/place-schemas';

// The match keys live apart (no valibot), so the device's database can fold names without the schemas.
export { foldForMatch, makeDocumentKey, makeNameKey } from '../person-keys';

export const DOCUMENT_TYPES = ['dni', 'ce', 'pasaporte', 'otro'] as const;
export const ENTITY_TYPES = ['ddc', 'gobierno-regional', 'municipalidad-provincial', 'municipalidad-distrital', 'otra'] as const;
export const GOVERNMENT_LEVELS = ['nacional', 'regional', 'provincial', 'distrital', 'otro'] as const;

/** What is asked of a participant: only what the RED needs (Ley 29733: minimum data). */
export const AttendancePerson = v.strictObject({
  fullName: requiredText(160, 'El nombre completo'),
  documentType: v.optional(v.picklist(DOCUMENT_TYPES, 'Tipo de documento no válido.')),
  documentNumber: v.optional(v.pipe(text(20, 'El número de documento'), v.regex(/^[0-9A-Za-z-]*$/, 'El número de documento solo lleva letras y números.'))),
  entityType: v.picklist(ENTITY_TYPES, 'Tipo de entidad no válido.'),
  entityName: requiredText(200, 'El nombre de la entidad'),
  governmentLevel: v.picklist(GOVERNMENT_LEVELS, 'Nivel de gobierno no válido.'),
  regionCode: RegionCode,
  position: v.optional(text(120, 'El cargo')),
  email: v.optional(v.pipe(v.string(), v.trim(), v.email('El correo no es válido.'), v.maxLength(254))),
  phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[0-9 +()-]{6,20}$/, 'El teléfono no es válido.'))),
});
export type AttendancePerson = v.InferOutput<typeof AttendancePerson>;

/** Consent under Ley 29733: must be given, and the version of the notice shown is kept. */
export const Consent = v.strictObject({
  given: v.literal(true, 'Sin consentimiento no se puede registrar la asistencia.'),
  textVersion: v.pipe(StorableString, v.minLength(1), v.maxLength(40)),
});

const REGISTER_FIELDS = {
  id: Id,
  workshopId: Id,
  workshopCode: v.optional(WorkshopCode),
  person: AttendancePerson,
  consent: Consent,
};

/** `attendance.register` v1: by the facilitador (bearer) or by the participant (workshopCode). */
export const AttendanceRegisterArgsV1 = v.strictObject(REGISTER_FIELDS);

/**
 * `attendance.register` v2: v1, and the records the facilitador said are NOT this person
 * («No es la misma persona»): neither the server nor a device ever merges it into them.
 */
export const AttendanceRegisterArgs = v.strictObject({
  ...REGISTER_FIELDS,
  distinctFrom: v.optional(v.pipe(v.array(Id), v.maxLength(10, 'Se pueden marcar como otra persona hasta 10 registros.'))),
});
export type AttendanceRegisterArgs = v.InferOutput<typeof AttendanceRegisterArgs>;

/** `attendance.update` v1: a correction by the facilitador; fields merge one by one by HLC. */
export const AttendanceUpdateArgs = v.strictObject({
  id: Id,
  patch: v.pipe(
    v.partial(AttendancePerson),
    v.check((p) => Object.keys(p).length > 0, 'El cambio no modifica ningún campo.'),
  ),
});
export type AttendanceUpdateArgs = v.InferOutput<typeof AttendanceUpdateArgs>;

/**
 * `attendance.merge` v1: the facilitador joins two records of one person by hand; `keepId` stays
 * (its fields win, the other's fill its gaps, the better spelling of a name stays), `mergeId`
 * becomes a pointer to it, as in an automatic merge.
 */
export const AttendanceMergeArgs = v.pipe(
  v.strictObject({ keepId: Id, mergeId: Id }),
  v.check((a) => a.keepId !== a.mergeId, 'Elija dos registros distintos para unir.'),
);
export type AttendanceMergeArgs = v.InferOutput<typeof AttendanceMergeArgs>;

/** `attendance.remove` v1: by the facilitador of the workshop; leaves a tombstone. */
export const AttendanceRemoveArgs = v.strictObject({ id: Id });
export type AttendanceRemoveArgs = v.InferOutput<typeof AttendanceRemoveArgs>;

/** An attendance record as stored and pulled (facilitadores of the workshop and coordinadores). */
export interface AttendanceRow {
  id: string;
  workshopId: string;
  person: AttendancePerson;
  consent: { given: true; textVersion: string };
  /** Who recorded it: a user id, or null for a participant's self check-in. */
  recordedBy: string | null;
  recordedAt: string;
  /** Ids of other records that were merged into this one (the same person registered twice). */
  mergedIds: string[];
  /** Ids of records the facilitador said are another person: never merged with this one. */
  distinctFrom?: string[];
  updatedAt: string;
  /** The stamp of the write that set each field: a device tells its own corrections from others' (lost edits). */
  fieldHlc?: Partial<Record<keyof AttendancePerson, string>>;
}

/** The free-text fields of a record whose losing version a device keeps (issue 9). */
export const ATTENDANCE_TEXT_FIELDS = ['fullName', 'entityName', 'email', 'phone', 'documentNumber', 'position'] as const;
export type AttendanceTextField = (typeof ATTENDANCE_TEXT_FIELDS)[number];

/**
 * `attendance.export` v1: the device exported a workshop's attendance (maybe offline); the
 * server logs who and when (Ley 29733: a log of who exported what). `at` is the device's time.
 */
export const AttendanceExportArgs = v.strictObject({
  workshopId: Id,
  rows: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  format: v.literal('csv', 'Formato de exportación no válido.'),
  at: IsoInstant,
});
export type AttendanceExportArgs = v.InferOutput<typeof AttendanceExportArgs>;

/**
 * A proposed correction (DESIGN.md § Merge rules): a self check-in that matched a person already
 * listed never rewrites them; the fields it carried that differ reach the workshop's staff as
 * this row, to accept (a normal `attendance.update`, then close) or dismiss.
 */
export interface AttendanceProposalRow {
  id: string;
  workshopId: string;
  /** The record it would correct (the surviving one, when it was merged). */
  attendanceId: string;
  /** Only the fields that differ from the record at the time it arrived. */
  patch: Partial<AttendancePerson>;
  proposedAt: string;
}

/** `attendance.closeProposal` v1: the staff accepted (after their own update) or dismissed a proposal. */
export const AttendanceCloseProposalArgs = v.strictObject({
  id: Id,
  outcome: v.picklist(['accepted', 'dismissed'], 'Resultado de la propuesta no válido.'),
});
export type AttendanceCloseProposalArgs = v.InferOutput<typeof AttendanceCloseProposalArgs>;
