import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listRunItems } from '../db/checklist-items-store';
import { getRun, listRunsOfEvent } from '../db/checklist-runs-store';
import { liveSignal } from '../db/live-query';
import { recordMutation } from '../db/record-mutation';
import { uuidv7 } from '../shared/ids';
import type { ChecklistItemPatch, ChecklistItemRow, ChecklistRunRow } from '../shared/schemas/checklist';

/**
 * Checklist runs ticked in the field. Each tick is one transaction over the item and the
 * outbox, merged per field by HLC exactly as the server merges it, so two people ticking the
 * same list offline converge once both have synced.
 */

/** One run with the state of each of its items, by item id. */
export interface RunState {
  run: ChecklistRunRow | undefined;
  items: Record<string, ChecklistItemPatch>;
  /** The stored rows, with who wrote each field last (`fieldHlc`). */
  rows: ChecklistItemRow[];
}

/** Starts a run of a template for an event, once: a second call returns the existing run's id. */
export async function startChecklist(eventId: string, templateId: string, templateVersion: number): Promise<string> {
  const db = getDatabases().user;
  const existing = (await listRunsOfEvent(db, eventId)).find((run) => run.templateId === templateId);
  if (existing) return existing.id;
  const runId = uuidv7();
  await recordMutation(db, 'checklist.start', { runId, eventId, templateId, templateVersion });
  return runId;
}

/** Changes some fields of one item (done, n/a with reason, note, responsible, due date). */
export async function setChecklistItem(runId: string, itemId: string, patch: ChecklistItemPatch): Promise<void> {
  await recordMutation(getDatabases().user, 'checklist.setItem', { runId, itemId, patch });
}

/** Adds a custom item to a run; returns its new item id. */
export async function addChecklistItem(runId: string, section: string, text: string): Promise<string> {
  const itemId = `custom-${uuidv7()}`;
  await recordMutation(getDatabases().user, 'checklist.addItem', { runId, itemId, section, text });
  return itemId;
}

/** Reads a run and its item states once. */
export async function readRunState(runId: string): Promise<RunState> {
  const db = getDatabases().user;
  const [run, rows] = await Promise.all([getRun(db, runId), listRunItems(db, runId)]);
  return { run, items: Object.fromEntries(rows.map((row) => [row.itemId, row.state])), rows };
}

const runSignals = new Map<string, ReadonlySignal<RunState>>();

/** A run and its item states, live; the same signal per run id. */
export function watchRunState(runId: string): ReadonlySignal<RunState> {
  let watched = runSignals.get(runId);
  if (!watched) {
    watched = liveSignal(() => readRunState(runId), { run: undefined, items: {}, rows: [] });
    runSignals.set(runId, watched);
  }
  return watched;
}

/** The runs of one event, live. */
export function watchRunsOfEvent(eventId: string): ReadonlySignal<ChecklistRunRow[]> {
  return liveSignal(() => listRunsOfEvent(getDatabases().user, eventId), []);
}
