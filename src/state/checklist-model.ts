import { getDatabases } from '../db/connection';
import { listRunsOfEvent } from '../db/checklist-runs-store';
import { recordMutation } from '../db/record-mutation';
import { forgetLostEdit, type LostEdit } from '../db/lost-edits-store';
import { uuidv7 } from '../shared/ids';
import type { ChecklistItemPatch } from '../shared/schemas/checklist';
import { makeExclusivePatch } from '../shared/checklist-item-state';

/**
 * Checklist runs ticked in the field. Each tick is one transaction over the item and the
 * outbox, merged per field by HLC exactly as the server merges it, so two people ticking the
 * same list offline converge once both have synced.
 */

/** Starts a run of a template for an event, once: a second call returns the existing run's id. */
export async function startChecklist(eventId: string, templateId: string, templateVersion: number): Promise<string> {
  const db = getDatabases().user;
  const existing = (await listRunsOfEvent(db, eventId)).find((run) => run.templateId === templateId);
  if (existing) return existing.id;
  const runId = uuidv7();
  await recordMutation(db, 'checklist.start', { runId, eventId, templateId, templateVersion });
  return runId;
}

/** Changes some fields of one item (done, n/a with reason, note, responsible, due date); «Hecho» and «No aplica» exclude each other. */
export async function setChecklistItem(runId: string, itemId: string, patch: ChecklistItemPatch): Promise<void> {
  await recordMutation(getDatabases().user, 'checklist.setItem', { runId, itemId, patch: makeExclusivePatch(patch) });
}

/**
 * Brings back a text of this device that a later edit from another phone replaced: a new local
 * edit (it wins now, and reaches the other phones like any edit), then the kept copy is forgotten.
 */
export async function restoreLostEdit(edit: Pick<LostEdit, 'key' | 'runId' | 'itemId' | 'field' | 'text'>): Promise<void> {
  await setChecklistItem(edit.runId, edit.itemId, { [edit.field]: edit.text });
  await forgetLostEdit(getDatabases().user, edit.key);
}

/** Forgets a kept losing text: the other phone's version stays. */
export async function dismissLostEdit(key: string): Promise<void> {
  await forgetLostEdit(getDatabases().user, key);
}

/** Adds a custom item to a run; returns its new item id. */
export async function addChecklistItem(runId: string, section: string, text: string): Promise<string> {
  const itemId = `custom-${uuidv7()}`;
  await recordMutation(getDatabases().user, 'checklist.addItem', { runId, itemId, section, text });
  return itemId;
}


