/**
 * The names a refused change is described by (Más → Sincronización): the titles of events and
 * workshops on this device, and which event each checklist belongs to. Read only while the sync
 * screen shows them.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { liveSignal } from './live-signal';

/** Looks a record's title up by id; undefined when this device does not hold it. */
export interface ChangeNames {
  event(id: string): string | undefined;
  eventOfRun(runId: string): string | undefined;
  workshop(id: string): string | undefined;
}

const NO_NAMES: ChangeNames = { event: () => undefined, eventOfRun: () => undefined, workshop: () => undefined };

async function readNames(): Promise<ChangeNames> {
  const { user, catalogue } = getDatabases();
  const [events, runs, workshops] = await Promise.all([user.events.toArray(), user.checklistRuns.toArray(), catalogue.workshops.toArray()]);
  const eventTitles = new Map(events.map((e) => [e.id, e.title]));
  const runEvents = new Map(runs.map((r) => [r.id, r.eventId]));
  const workshopTitles = new Map(workshops.map((w) => [w.id, w.title]));
  return {
    event: (id) => eventTitles.get(id),
    eventOfRun: (runId) => eventTitles.get(runEvents.get(runId) ?? ''),
    workshop: (id) => workshopTitles.get(id),
  };
}

/** The names, live (a pull or a local write re-reads them). */
export const changeNames: ReadonlySignal<ChangeNames> = liveSignal(readNames, NO_NAMES);
