import * as v from 'valibot';
import { EventArchiveArgs, EventSaveArgs } from './schemas/event';
import { ChecklistAddItemArgs, ChecklistSetItemArgs, ChecklistStartArgs } from './schemas/checklist';
import { WorkshopSaveArgs } from './schemas/workshop';
import { AttendanceExportArgs, AttendanceRegisterArgs, AttendanceRemoveArgs, AttendanceUpdateArgs } from './schemas/attendance';
import { FeedbackSubmitArgs } from './schemas/feedback';

/**
 * Every named mutation and the schema of its args, by version. A change of args is a new
 * version; the server keeps handling the old ones until no device sends them. Each feature adds
 * its own entries here and a handler in `server/sync/handlers`.
 */
export const MUTATION_SCHEMAS = {
  'event.save': { 1: EventSaveArgs },
  'event.archive': { 1: EventArchiveArgs },
  'checklist.start': { 1: ChecklistStartArgs },
  'checklist.setItem': { 1: ChecklistSetItemArgs },
  'checklist.addItem': { 1: ChecklistAddItemArgs },
  'workshop.save': { 1: WorkshopSaveArgs },
  'attendance.register': { 1: AttendanceRegisterArgs },
  'attendance.update': { 1: AttendanceUpdateArgs },
  'attendance.remove': { 1: AttendanceRemoveArgs },
  'attendance.export': { 1: AttendanceExportArgs },
  'feedback.submit': { 1: FeedbackSubmitArgs },
} as const satisfies Record<string, Record<number, v.GenericSchema>>;

export type MutationName = keyof typeof MUTATION_SCHEMAS;

/** The version this build of the app writes for each mutation. */
export const CURRENT_VERSION = {
  'event.save': 1,
  'event.archive': 1,
  'checklist.start': 1,
  'checklist.setItem': 1,
  'checklist.addItem': 1,
  'workshop.save': 1,
  'attendance.register': 1,
  'attendance.update': 1,
  'attendance.remove': 1,
  'attendance.export': 1,
  'feedback.submit': 1,
} as const satisfies Record<MutationName, number>;

/** The args type of the version the device writes now. */
export type MutationArgs<N extends MutationName> = v.InferOutput<
  (typeof MUTATION_SCHEMAS)[N][(typeof CURRENT_VERSION)[N]]
>;

/** Whether `name` is a mutation this build knows. */
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATION_SCHEMAS, name);
}

/** The args schema for a name and version, or undefined when this build does not know it. */
export function findMutationSchema(name: string, version: number): v.GenericSchema | undefined {
  if (!isMutationName(name)) return undefined;
  const versions: Record<number, v.GenericSchema> = MUTATION_SCHEMAS[name];
  return versions[version];
}
