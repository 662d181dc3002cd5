/**
 * Dates and times as a person in Peru reads them, the same on every screen, in every message and
 * on the server: «jueves 28 de enero de 2027, 9:00 a. m.». Instants are ISO UTC strings read in
 * America/Lima (UTC−5 all year, no daylight saving since 1994), so this is plain arithmetic: the
 * same words in Node, Chromium and the tests, with no dependence on the runtime's ICU data.
 * The spaces inside «9:00 a. m.» do not break, so a narrow screen never leaves «m.» alone on a line.
 */

const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;
const NBSP = '\u00a0';

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'] as const;
const MONTHS = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

/** The name of a month as a table heads it: `2026-03` → «Marzo»; anything else comes back as it was. */
export function nameMonth(yearMonth: string): string {
  const name = MONTHS[Number(yearMonth.slice(5, 7)) - 1];
  return /^\d{4}-\d{2}$/.test(yearMonth) && name ? name[0]!.toUpperCase() + name.slice(1) : yearMonth;
}

/** The Lima wall clock of an instant, or undefined when `iso` is not a time. */
function readLimaClock(iso: string): Date | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms - LIMA_OFFSET_MS);
}

// A UTC date whose fields are the wall clock to write.
function writeDay(clock: Date): string {
  const weekday = WEEKDAYS[clock.getUTCDay()];
  const month = MONTHS[clock.getUTCMonth()];
  return `${weekday} ${clock.getUTCDate()} de ${month} de ${clock.getUTCFullYear()}`;
}

function writeTime(clock: Date): string {
  const hours = clock.getUTCHours();
  const minutes = String(clock.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes}${NBSP}${hours < 12 ? 'a.' : 'p.'}${NBSP}m.`;
}

/** «jueves 28 de enero de 2027, 9:00 a. m.»; anything that is not a time comes back as it was. */
export function formatDateTime(iso: string): string {
  const clock = readLimaClock(iso);
  return clock ? `${writeDay(clock)}, ${writeTime(clock)}` : iso;
}

/** «9:00 a. m.»: the time of an instant in Lima, without the day. */
export function formatTime(iso: string): string {
  const clock = readLimaClock(iso);
  return clock ? writeTime(clock) : iso;
}

/** «jueves 28 de enero de 2027»: the day in Lima of an instant. */
export function formatDate(iso: string): string {
  const clock = readLimaClock(iso);
  return clock ? writeDay(clock) : iso;
}

/** «jueves 28 de enero de 2027» for a calendar day `YYYY-MM-DD` (a due date, a review date). */
export function formatDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const clock = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(clock.getTime()) ? day : writeDay(clock);
}

/**
 * A span of time: «jueves 28 de enero de 2027, 9:00 a. m. – 4:00 p. m.» within one day in Lima;
 * over two days or more, both ends in the same long form.
 */
export function formatRange(startIso: string, endIso: string): string {
  const start = readLimaClock(startIso);
  const end = readLimaClock(endIso);
  if (!start || !end) return [startIso, endIso].join(' – ');
  const isSameDay = start.toISOString().slice(0, 10) === end.toISOString().slice(0, 10);
  const endText = isSameDay ? writeTime(end) : `${writeDay(end)}, ${writeTime(end)}`;
  return `${writeDay(start)}, ${writeTime(start)} – ${endText}`;
}
