/**
 * Inicio as the person's own: their upcoming events, the checklist items overdue or due within
 * a week (with their event), where they left off reading and their favourites — all from the
 * phone, offline too. Nothing of theirs yet is a first visit: Inicio then keeps its welcome.
 */
import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { listActiveEvents, type LocalEvent } from '../db/events-store';
import { listFavourites } from '../db/favourites-store';
import { listRecents } from '../db/recents-store';
import { addCalendarDays } from '../shared/calendar/peru-holidays';
import { readEventChecklists, todayInLima } from './event-checklists-model';
import { liveSignal } from './live-signal';

/** An open checklist item due soon, and the event and list it belongs to. */
export interface DueItem {
  eventId: string;
  eventTitle: string;
  runId: string;
  itemId: string;
  text: string;
  dueDate: string;
  isOverdue: boolean;
}

/** A catalogue entry to go back to. */
export interface EntryLink {
  id: string;
  title: string;
}

/** What Inicio shows for this person. */
export interface MyDay {
  isLoaded: boolean;
  upcoming: LocalEvent[];
  /** Overdue first, then by due day; at most DUE_SHOWN of `dueCount`. */
  due: DueItem[];
  dueCount: number;
  reading: EntryLink | undefined;
  favourites: EntryLink[];
  isFirstVisit: boolean;
}

/** How far ahead «due this week» looks, in calendar days. */
export const DUE_WINDOW_DAYS = 7;
const UPCOMING_SHOWN = 3;
const DUE_SHOWN = 8;
const FAVOURITES_SHOWN = 5;

async function listDueItems(events: readonly LocalEvent[], now: number): Promise<DueItem[]> {
  const until = addCalendarDays(todayInLima(now), DUE_WINDOW_DAYS);
  const perEvent = await Promise.all(events.map(async (event) => {
    const { runs } = await readEventChecklists(event.id, now);
    return runs.filter((r) => !r.isRemoved && r.view).flatMap(({ run, view }) => view!.sections.flatMap((s) => s.items)
      .filter((item) => item.applies && !item.state.done && !item.state.notApplicable && item.dueDate !== null && (item.isOverdue || item.dueDate <= until))
      .map((item): DueItem => ({ eventId: event.id, eventTitle: event.title, runId: run.id, itemId: item.id, text: item.text, dueDate: item.dueDate!, isOverdue: item.isOverdue })));
  }));
  return perEvent.flat().sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.dueDate.localeCompare(b.dueDate));
}

async function readTitles(ids: readonly string[]): Promise<EntryLink[]> {
  const rows = await getDatabases().catalogue.entries.bulkGet([...ids]);
  return rows.flatMap((row) => (row ? [{ id: row.id, title: row.title }] : []));
}

/** Reads Inicio's sections once. */
export async function readMyDay(now = Date.now()): Promise<MyDay> {
  const { user } = getDatabases();
  const [events, favourites, recents] = await Promise.all([listActiveEvents(user), listFavourites(user), listRecents(user)]);
  const nowIso = new Date(now).toISOString();
  const upcoming = events.filter((e) => e.endsAt >= nowIso);
  const due = await listDueItems(upcoming, now);
  const [reading] = await readTitles(recents.slice(0, 1).map((r) => r.entryId));
  const favouriteLinks = await readTitles(favourites.slice(0, FAVOURITES_SHOWN).map((f) => f.entryId));
  return {
    isLoaded: true,
    upcoming: upcoming.slice(0, UPCOMING_SHOWN),
    due: due.slice(0, DUE_SHOWN),
    dueCount: due.length,
    reading,
    favourites: favouriteLinks,
    isFirstVisit: events.length === 0 && favourites.length === 0 && recents.length === 0,
  };
}

const EMPTY: MyDay = { isLoaded: false, upcoming: [], due: [], dueCount: 0, reading: undefined, favourites: [], isFirstVisit: true };

/** Inicio's sections, live. */
export const myDay: ReadonlySignal<MyDay> = liveSignal(() => readMyDay(), EMPTY);
