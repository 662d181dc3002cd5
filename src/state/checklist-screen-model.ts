/**
 * One checklist screen's data, live: the event, the run, its item rows and its template only.
 * A tick re-runs the run's query once, when its transaction commits (recordMutation's
 * transaction is explicit, so Dexie 4 applies no optimistic update before): it reads one run,
 * not every run of the event, and the 300-item view is rebuilt from what the device holds.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listRunItems } from '../db/checklist-items-store';
import { getRun } from '../db/checklist-runs-store';
import { getChecklistTemplate } from '../db/checklist-templates-store';
import { getEvent, type LocalEvent } from '../db/events-store';
import type { ChecklistItemRow, ChecklistRunRow } from '../shared/schemas/checklist';
import type { ChecklistTemplate } from '../shared/catalogue/template';
import { keyedLiveSignal, keyedSignal } from './live-signal';
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

/** The device's side of one run: what a tick or a pull changes (the template is read apart). */
interface RunSide {
  event: LocalEvent | undefined;
  run: ChecklistRunRow | undefined;
  rows: ChecklistItemRow[];
  deviceId: string;
  myName: string;
  lostEdits: LostEdit[];
  isLoaded: boolean;
}

async function readRunSide(eventId: string, runId: string): Promise<RunSide> {
  const { user } = getDatabases();
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
  return { event, run: run?.eventId === eventId ? run : undefined, rows, deviceId, myName: session?.user.name ?? '', lostEdits, isLoaded: true };
}

function combine(side: RunSide, template: ChecklistTemplate | undefined, now: number): ChecklistScreenData {
  const { event, run, rows, deviceId, myName, lostEdits } = side;
  const view = template && event && run ? buildChecklistView(template, run, rows, event, todayInLima(now), deviceId) : undefined;
  return { event, view, myName, lostEdits, isLoaded: true };
}

/** Reads one run of an event as its screen shows it, once (offline: from the device only). */
export async function readChecklistScreen(eventId: string, runId: string, now = Date.now()): Promise<ChecklistScreenData> {
  const side = await readRunSide(eventId, runId);
  const template = side.run ? await getChecklistTemplate(getDatabases().catalogue, side.run.templateId) : undefined;
  return combine(side, template, now);
}

const NOT_LOADED: ChecklistScreenData = { event: undefined, view: undefined, myName: '', lostEdits: [], isLoaded: false };

const watchRunSide = keyedLiveSignal(readRunSide, { event: undefined, run: undefined, rows: [], deviceId: '', myName: '', lostEdits: [], isLoaded: false } as RunSide);

/** A template, live (a catalogue pull may bring a new version); `isLoaded` once read. */
const watchTemplate = keyedLiveSignal(
  async (templateId: string) => ({ template: await getChecklistTemplate(getDatabases().catalogue, templateId), isLoaded: true }),
  { template: undefined as ChecklistTemplate | undefined, isLoaded: false },
);

/**
 * One run of an event, live; the same signal per event and run. Two live queries: a tick re-reads
 * the run's rows only, not its template (300 items to clone out of IndexedDB on every write);
 * the template's query re-runs only when the catalogue changes it.
 */
export const watchChecklistScreen: (eventId: string, runId: string) => ReadonlySignal<ChecklistScreenData> = keyedSignal((eventId, runId) => {
  const side = watchRunSide(eventId, runId);
  return computed(() => {
    const { run, isLoaded } = side.value;
    if (!isLoaded) return NOT_LOADED;
    if (!run) return combine(side.value, undefined, Date.now());
    const stored = watchTemplate(run.templateId).value;
    return stored.isLoaded ? combine(side.value, stored.template, Date.now()) : NOT_LOADED;
  });
});
