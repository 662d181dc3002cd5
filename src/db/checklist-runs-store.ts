import type { ChecklistAddItemArgs, ChecklistRunRow, ChecklistStartArgs } from '../shared/schemas/checklist';
import type { UserDb } from './user-db';

/** Applies `checklist.start` locally: creates the run once; a second start changes nothing. */
export async function applyChecklistStart(db: UserDb, args: ChecklistStartArgs, ownerId: string): Promise<void> {
  if (await db.checklistRuns.get(args.runId)) return;
  await db.checklistRuns.add({
    id: args.runId,
    eventId: args.eventId,
    templateId: args.templateId,
    templateVersion: args.templateVersion,
    ownerId,
    customItems: [],
    updatedAt: new Date(db.now()).toISOString(),
  });
}

/** Applies `checklist.addItem` locally: a custom item is added once, by its item id. */
export async function applyChecklistAddItem(db: UserDb, args: ChecklistAddItemArgs): Promise<void> {
  const run = await db.checklistRuns.get(args.runId);
  if (!run || run.customItems.some((item) => item.itemId === args.itemId)) return;
  await db.checklistRuns.put({
    ...run,
    customItems: [...run.customItems, { itemId: args.itemId, section: args.section, text: args.text }],
    updatedAt: new Date(db.now()).toISOString(),
  });
}

/** The runs of one event. */
export function listRunsOfEvent(db: UserDb, eventId: string): Promise<ChecklistRunRow[]> {
  return db.checklistRuns.where('eventId').equals(eventId).toArray();
}

/** One run by id, or undefined. */
export function getRun(db: UserDb, runId: string): Promise<ChecklistRunRow | undefined> {
  return db.checklistRuns.get(runId);
}
