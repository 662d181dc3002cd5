import type * as v from 'valibot';
import { isMutationName, MUTATIONS, type MutationName, type MutationVersions, type VersionArgs } from '../../shared/mutations';
import { ROLES, type Role } from '../../shared/schemas/common';
import type { AuthUser } from '../auth/sessions';
import { applyChecklistAddItem, applyChecklistSetItem, applyChecklistStart } from './handlers/checklist';
import { applyChecklistAttachPhoto, applyChecklistRemovePhoto } from './handlers/checklist-photos';
import { applyEventArchive, applyEventSave } from './handlers/event';
import type { MutationContext, MutationOutcome } from './mutation-context';
import { applyAttendanceMerge } from '../workshops/attendance-merge';
import { applyAttendanceExport, applyAttendanceRegister, applyAttendanceRemove, applyAttendanceUpdate } from '../workshops/attendance-handlers';
import { applyCertificateIssue, applyCertificateRevoke } from '../workshops/certificate-handlers';
import { applyAttendanceCloseProposal } from '../workshops/attendance-proposals';
import { applyFeedbackSubmit } from '../workshops/feedback-handler';
import { isParticipant } from '../workshops/participant';
import { applyWorkshopSave } from '../workshops/workshop-handlers';

/** A handler for one version: gets that version's parsed args. */
type Handler<N extends MutationName, V extends keyof MutationVersions<N>> = (ctx: MutationContext, args: VersionArgs<N, V>) => Promise<MutationOutcome>;

/** The server side of one mutation: who may send it, and a handler for EVERY version in the contract. */
interface ServerMutation<N extends MutationName> {
  roles: readonly Role[];
  /** Whether a participant without an account may send it (with a workshop code). */
  participants?: true;
  handlers: { [V in keyof MutationVersions<N>]: Handler<N, V> };
}

/** One (name, version) as push sees it: its args schema, who may call it, and what it does. */
export interface RegisteredMutation {
  schema: v.GenericSchema;
  roles: readonly Role[];
  participants: boolean;
  apply(ctx: MutationContext, args: unknown): Promise<MutationOutcome>;
}

/** Those who run workshops. */
const STAFF: readonly Role[] = ['facilitador', 'coordinador'];

/**
 * Every mutation the server handles, total over the shared contract: a name or a version in
 * `shared/mutations.ts` without a handler here fails `tsc` (it would otherwise answer 426 and
 * stall every device's outbox). All three roles plan events and tick checklists; the handlers
 * check ownership, workshop codes and the participants' window.
 */
const REGISTRY: { [N in MutationName]: ServerMutation<N> } = {
  'event.save': { roles: ROLES, handlers: { 1: applyEventSave } },
  'event.archive': { roles: ROLES, handlers: { 1: applyEventArchive } },
  'checklist.start': { roles: ROLES, handlers: { 1: applyChecklistStart } },
  'checklist.setItem': { roles: ROLES, handlers: { 1: applyChecklistSetItem } },
  'checklist.addItem': { roles: ROLES, handlers: { 1: applyChecklistAddItem } },
  'checklist.attachPhoto': { roles: ROLES, handlers: { 1: applyChecklistAttachPhoto } },
  'checklist.removePhoto': { roles: ROLES, handlers: { 1: applyChecklistRemovePhoto } },
  'workshop.save': { roles: STAFF, handlers: { 1: applyWorkshopSave } },
  'attendance.register': { roles: ROLES, participants: true, handlers: { 1: applyAttendanceRegister, 2: applyAttendanceRegister } },
  'attendance.update': { roles: STAFF, handlers: { 1: applyAttendanceUpdate } },
  'attendance.merge': { roles: STAFF, handlers: { 1: applyAttendanceMerge } },
  'attendance.remove': { roles: STAFF, handlers: { 1: applyAttendanceRemove } },
  'attendance.export': { roles: ROLES, handlers: { 1: applyAttendanceExport } },
  'attendance.closeProposal': { roles: STAFF, handlers: { 1: applyAttendanceCloseProposal } },
  'feedback.submit': { roles: ROLES, participants: true, handlers: { 1: applyFeedbackSubmit } },
  'certificate.issue': { roles: STAFF, handlers: { 1: applyCertificateIssue } },
  'certificate.revoke': { roles: STAFF, handlers: { 1: applyCertificateRevoke } },
};

/**
 * The handler for (name, version). `unknown_mutation`: a name not in the shared contract (a
 * permanent refusal). `unknown_version`: a version this server cannot apply yet, written by a
 * newer app — the batch waits (426) rather than lose a valid change.
 */
export function findMutation(name: string, version: number): RegisteredMutation | 'unknown_mutation' | 'unknown_version' {
  if (!isMutationName(name)) return 'unknown_mutation';
  const entry = REGISTRY[name];
  const schemas: Record<number, v.GenericSchema> = MUTATIONS[name].versions;
  const handlers: Record<number, (ctx: MutationContext, args: never) => Promise<MutationOutcome>> = entry.handlers;
  if (!Object.hasOwn(schemas, version) || !Object.hasOwn(handlers, version)) return 'unknown_version';
  const handler = handlers[version]!;
  // Safe: push parses `args` with `schema` before it calls `apply`.
  const apply = (ctx: MutationContext, args: unknown) => handler(ctx, args as never);
  return { schema: schemas[version]!, roles: entry.roles, participants: entry.participants === true, apply };
}

/** Whether any role of the caller may call this mutation. */
export function isAllowedFor(mutation: RegisteredMutation, caller: AuthUser): boolean {
  if (isParticipant(caller)) return mutation.participants;
  return caller.roles.some((role) => mutation.roles.includes(role));
}
