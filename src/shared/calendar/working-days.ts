/**
 * Working-day arithmetic for checklist due dates: Monday to Friday, not a national holiday.
 * Events happen in Peru, so an event's day is its start read in America/Lima (UTC−5 all year,
 * no daylight saving since 1994).
 */
import { addCalendarDays, findHoliday, parseIsoDay, type IsoDay } from './peru-holidays';

const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The calendar day in Lima of an ISO UTC instant. */
export function toLimaDay(instant: string): IsoDay {
  return new Date(Date.parse(instant) - LIMA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the day is a working day: not Saturday, Sunday or a national holiday. */
export function isWorkingDay(day: IsoDay): boolean {
  const weekday = parseIsoDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && findHoliday(day) === undefined;
}

/**
 * The day `workingDays` working days before `day` (negative: after it). 0 is the day itself,
 * even when it is a holiday, because a task "on the day" happens at the event whatever the date.
 */
export function subtractWorkingDays(day: IsoDay, workingDays: number): IsoDay {
  const step = workingDays > 0 ? -1 : 1;
  let left = Math.abs(workingDays);
  let current = day;
  while (left > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

const dueCache = new Map<string, IsoDay>();

/** The due day of a checklist item: `dueDays` working days before the event's start in Lima (cached). */
export function computeDueDate(eventStartsAt: string, dueDays: number): IsoDay {
  const day = toLimaDay(eventStartsAt);
  const key = `${day}|${dueDays}`;
  let due = dueCache.get(key);
  if (due === undefined) {
    due = subtractWorkingDays(day, dueDays);
    dueCache.set(key, due);
  }
  return due;
}

/** Whether an item due on `dueDate` is late on `today` (both Lima days). */
export function isOverdue(dueDate: IsoDay, today: IsoDay): boolean {
  return dueDate < today;
}
