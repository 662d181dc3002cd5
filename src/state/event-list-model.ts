/**
 * The events list: upcoming and past events, each with the progress of its checklists, live
 * from the device (offline too). Archived events are left out.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listActiveEvents, type LocalEvent } from '../db/events-store';
import { liveSignal } from './live-signal';
import type { Progress } from './checklist-view-model';
import { readEventChecklists } from './event-checklists-model';

/** One event in the list, with its overall checklist progress (undefined: no checklist yet). */
export interface EventSummary {
  event: LocalEvent;
  progress: Progress | undefined;
}

/** Upcoming (not ended yet, soonest first) and past (latest first) events. */
export interface EventLists {
  upcoming: EventSummary[];
  past: EventSummary[];
}

/** Adds up the progress of the runs in use. */
export function sumProgress(parts: readonly Progress[]): Progress | undefined {
  if (parts.length === 0) return undefined;
  const done = parts.reduce((n, p) => n + p.done, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  return { done, total, percent: total ? Math.round((done / total) * 100) : 0 };
}

/** Reads both lists once; an event is past once its end is before `now`. */
export async function readEventLists(now = Date.now()): Promise<EventLists> {
  const events = await listActiveEvents(getDatabases().user);
  const summaries = await Promise.all(
    events.map(async (event) => {
      const { runs } = await readEventChecklists(event.id, now);
      const parts = runs.filter((r) => !r.isRemoved && r.view).map((r) => r.view!.progress);
      return { event, progress: sumProgress(parts) };
    }),
  );
  const nowIso = new Date(now).toISOString();
  return {
    upcoming: summaries.filter((s) => s.event.endsAt >= nowIso),
    past: summaries.filter((s) => s.event.endsAt < nowIso).reverse(),
  };
}

/** Both lists, live. */
export const eventLists: ReadonlySignal<EventLists> = liveSignal(() => readEventLists(), { upcoming: [], past: [] });
