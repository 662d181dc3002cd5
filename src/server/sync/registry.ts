import type { Transaction } from 'kysely';
import type * as v from 'valibot';
import type { ErrorCode } from '../../shared/errors';
import { isMutationName, MUTATION_SCHEMAS, type MutationName } from '../../shared/mutations';
import { ROLES, type Role } from '../../shared/schemas/common';
import type { AuthUser } from '../auth/sessions';
import type { Database } from '../store/schema';
import { applyChecklistAddItem, applyChecklistSetItem, applyChecklistStart } from './handlers/checklist';
import { applyEventArchive, applyEventSave } from './handlers/event';
import { applyAttendanceExport, applyAttendanceRegister, applyAttendanceRemove, applyAttendanceUpdate } from '../workshops/attendance-handlers';
import { applyFeedbackSubmit } from '../workshops/feedback-handler';
import { isParticipant } from '../workshops/participant';
import { applyWorkshopSave } from '../workshops/workshop-handlers';

/** What a handler gets: the open push transaction, the caller, the clamped HLC and the time. */
export interface MutationContext {
  trx: Transaction<Database>;
  caller: AuthUser;
  /** The mutation's stamp, pulled back if the device clock ran far ahead. */
  hlc: string;
  nowIso: string;
}

/** Applied (maybe with no change), or a permanent refusal the person must see. */
export type MutationOutcome = { applied: true } | { applied: false; code: ErrorCode; message?: string };

/** One (name, version): its args schema, who may call it, and what it does. */
export interface RegisteredMutation {
  schema: v.GenericSchema;
  roles: readonly Role[];
  /** Whether a participant without an account may send it (with a workshop code). */
  participants?: boolean;
  apply(ctx: MutationContext, args: unknown): Promise<MutationOutcome>;
}

function defineMutation<S extends v.GenericSchema>(
  schema: S,
  roles: readonly Role[],
  apply: (ctx: MutationContext, args: v.InferOutput<S>) => Promise<MutationOutcome>,
  participants = false,
): RegisteredMutation {
  return { schema, roles, participants, apply: (ctx, args) => apply(ctx, args as v.InferOutput<S>) };
}

/** Those who run workshops. */
const STAFF: readonly Role[] = ['facilitador', 'coordinador'];

/**
 * Every mutation the server handles. All three roles plan events and tick checklists; the
 * handlers check ownership. Later features add their names here next to their shared schema.
 */
const REGISTRY: Partial<Record<MutationName, Record<number, RegisteredMutation>>> = {
  'event.save': { 1: defineMutation(MUTATION_SCHEMAS['event.save'][1], ROLES, applyEventSave) },
  'event.archive': { 1: defineMutation(MUTATION_SCHEMAS['event.archive'][1], ROLES, applyEventArchive) },
  'checklist.start': { 1: defineMutation(MUTATION_SCHEMAS['checklist.start'][1], ROLES, applyChecklistStart) },
  'checklist.setItem': { 1: defineMutation(MUTATION_SCHEMAS['checklist.setItem'][1], ROLES, applyChecklistSetItem) },
  'checklist.addItem': { 1: defineMutation(MUTATION_SCHEMAS['checklist.addItem'][1], ROLES, applyChecklistAddItem) },
  // Workshops: handlers check ownership, codes and the window (src/server/workshops).
  'workshop.save': { 1: defineMutation(MUTATION_SCHEMAS['workshop.save'][1], STAFF, applyWorkshopSave) },
  'attendance.register': { 1: defineMutation(MUTATION_SCHEMAS['attendance.register'][1], ROLES, applyAttendanceRegister, true) },
  'attendance.update': { 1: defineMutation(MUTATION_SCHEMAS['attendance.update'][1], STAFF, applyAttendanceUpdate) },
  'attendance.remove': { 1: defineMutation(MUTATION_SCHEMAS['attendance.remove'][1], STAFF, applyAttendanceRemove) },
  'attendance.export': { 1: defineMutation(MUTATION_SCHEMAS['attendance.export'][1], ROLES, applyAttendanceExport) },
  'feedback.submit': { 1: defineMutation(MUTATION_SCHEMAS['feedback.submit'][1], ROLES, applyFeedbackSubmit, true) },
};

/**
 * The handler for (name, version). `unknown_mutation`: a name not in the shared contract (a
 * permanent refusal). `unknown_version`: a version, or a contract name, this server cannot
 * apply yet — the batch waits (426) rather than lose a valid change.
 */
export function findMutation(name: string, version: number): RegisteredMutation | 'unknown_mutation' | 'unknown_version' {
  if (!isMutationName(name)) return 'unknown_mutation';
  return REGISTRY[name]?.[version] ?? 'unknown_version';
}

/** Whether any role of the caller may call this mutation. */
export function isAllowedFor(mutation: RegisteredMutation, caller: AuthUser): boolean {
  if (isParticipant(caller)) return mutation.participants === true;
  return caller.roles.some((role) => mutation.roles.includes(role));
}
