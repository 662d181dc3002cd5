import * as v from 'valibot';
import { EventArchiveArgs, EventSaveArgs } from './schemas/event';
import { ChecklistAddItemArgs, ChecklistSetItemArgs, ChecklistStartArgs } from './schemas/checklist';
import { ChecklistAttachPhotoArgs, ChecklistRemovePhotoArgs } from './schemas/checklist-photo';
import { WorkshopSaveArgs } from './schemas/workshop';
import { AttendanceCloseProposalArgs, AttendanceExportArgs, AttendanceMergeArgs, AttendanceRegisterArgs, AttendanceRegisterArgsV1, AttendanceRemoveArgs, AttendanceUpdateArgs } from './schemas/attendance';
import { FeedbackSubmitArgs } from './schemas/feedback';
import { CertificateIssueArgs, CertificateRevokeArgs } from './schemas/certificate';

/** One mutation of the contract: its args schema by version, and the version this build writes. */
interface MutationSpec<V extends Record<number, v.GenericSchema>> {
  versions: V;
  current: keyof V & number;
}

/** Declares a mutation; `current` must be one of its versions, or this fails to compile. */
function mutation<V extends Record<number, v.GenericSchema>, C extends keyof V & number>(versions: V, current: C): { versions: V; current: C } {
  return { versions, current };
}

/**
 * THE list of named mutations: one entry per name, with the args schema of each version and the
 * version this build writes. A change of args is a new version; the server keeps handling the
 * old ones until no device sends them. Adding a name here makes `tsc` ask for its server handler
 * (`server/sync/registry.ts`) and its local effect on the device (`db/apply-mutation.ts`); see
 * `server/sync/README.md`.
 */
export const MUTATIONS = {
  'event.save': mutation({ 1: EventSaveArgs }, 1),
  'event.archive': mutation({ 1: EventArchiveArgs }, 1),
  'checklist.start': mutation({ 1: ChecklistStartArgs }, 1),
  'checklist.setItem': mutation({ 1: ChecklistSetItemArgs }, 1),
  'checklist.addItem': mutation({ 1: ChecklistAddItemArgs }, 1),
  'checklist.attachPhoto': mutation({ 1: ChecklistAttachPhotoArgs }, 1),
  'checklist.removePhoto': mutation({ 1: ChecklistRemovePhotoArgs }, 1),
  'workshop.save': mutation({ 1: WorkshopSaveArgs }, 1),
  'attendance.register': mutation({ 1: AttendanceRegisterArgsV1, 2: AttendanceRegisterArgs }, 2),
  'attendance.update': mutation({ 1: AttendanceUpdateArgs }, 1),
  'attendance.merge': mutation({ 1: AttendanceMergeArgs }, 1),
  'attendance.remove': mutation({ 1: AttendanceRemoveArgs }, 1),
  'attendance.export': mutation({ 1: AttendanceExportArgs }, 1),
  'attendance.closeProposal': mutation({ 1: AttendanceCloseProposalArgs }, 1),
  'feedback.submit': mutation({ 1: FeedbackSubmitArgs }, 1),
  'certificate.issue': mutation({ 1: CertificateIssueArgs }, 1),
  'certificate.revoke': mutation({ 1: CertificateRevokeArgs }, 1),
} as const satisfies Record<string, MutationSpec<Record<number, v.GenericSchema>>>;

export type MutationName = keyof typeof MUTATIONS;

/** The versions of one mutation, each with its args schema. */
export type MutationVersions<N extends MutationName> = (typeof MUTATIONS)[N]['versions'];

/** The args of one version of a mutation, as its schema outputs them. */
export type VersionArgs<N extends MutationName, V> = V extends keyof MutationVersions<N>
  ? MutationVersions<N>[V] extends v.GenericSchema
    ? v.InferOutput<MutationVersions<N>[V]>
    : never
  : never;

/** The args type of the version the device writes now. */
export type MutationArgs<N extends MutationName> = VersionArgs<N, (typeof MUTATIONS)[N]['current']>;

/** Whether `name` is a mutation this build knows. */
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATIONS, name);
}

/** The version this build of the app writes for a mutation. */
export function currentVersion(name: MutationName): number {
  return MUTATIONS[name].current;
}

/** The args schema for a name and version, or undefined when this build does not know it. */
export function findMutationSchema(name: string, version: number): v.GenericSchema | undefined {
  if (!isMutationName(name)) return undefined;
  const versions: Record<number, v.GenericSchema> = MUTATIONS[name].versions;
  return Object.hasOwn(versions, version) ? versions[version] : undefined;
}
