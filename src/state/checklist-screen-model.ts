/**
 * One checklist screen's data, live: the event, the run, its item rows and its template only.
 * A tick re-runs this query (Dexie signals it while the write is still in flight, and again on
 * commit), so it reads one run and one template — not every run of the event and every template
 * of the catalogue — and the 300-item view is rebuilt from what the device already holds.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listRunItems } from '../db/checklist-items-store';
import { getRun } from '../db/checklist-runs-store';
import { getChecklistTemplate } from '../db/checklist-templates-store';
import { getEvent, type LocalEvent } from '../db/events-store';
import { keyedLiveSignal } from './live-signal';
import { listLostEdits, type LostEdit } from '../db/lost-edits-store';
import { META_KEYS, readMeta, readSession } from '../db/meta-store';
import { buildChecklistView, type ChecklistView } from './checklist-view-model';
import { todayInLima } from './event-checklists-model';

export type { LostEdit };

/** What the checklist screen shows. */
export interface ChecklistScreenData {
  event: LocalEvent | undefined;
  /** Undefined when the run is not this event's, or its template is not on the device. */
  view: ChecklistView | undefined;
  /** The signed-in person's name: changes made on this device are theirs (empty when signed out). */
  myName: string;
  /** Texts written here that a later edit from another phone replaced, kept to restore or dismiss. */
  lostEdits: LostEdit[];
  isLoaded: boolean;
}

/** Reads one run of an event as its screen shows it, once (offline: from the device only). */
export async function readChecklistScreen(eventId: string, runId: string, now = Date.now()): Promise<ChecklistScreenData> {
  const { user, catalogue } = getDatabases();
  // One read transaction for the four user tables: each transaction costs the page a round trip.
  const [event, run, rows, deviceId, session, lostEdits] = await user.transaction('r', [user.events, user.checklistRuns, user.checklistItems, user.meta], () =>
    Promise.all([
      getEvent(user, eventId), getRun(user, runId), listRunItems(user, runId),
      // Read only (a live query may not write): before the first write there is no device id yet.
      readMeta<string>(user.meta, META_KEYS.clientId).then((id) => id ?? ''),
      readSession(user),
      listLostEdits(user, runId),
    ]),
  );
  const isThisEvents = run !== undefined && run.eventId === eventId;
  const template = isThisEvents ? await getChecklistTemplate(catalogue, run.templateId) : undefined;
  const view = template && event && run ? buildChecklistView(template, run, rows, event, todayInLima(now), deviceId) : undefined;
  return { event, view, myName: session?.user.name ?? '', lostEdits, isLoaded: true };
}

/** One run of an event, live; the same signal per event and run. */
export const watchChecklistScreen: (eventId: string, runId: string) => ReadonlySignal<ChecklistScreenData> = keyedLiveSignal(
  (eventId, runId) => readChecklistScreen(eventId, runId),
  { event: undefined, view: undefined, myName: '', lostEdits: [], isLoaded: false },
);
