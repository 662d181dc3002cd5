/**
 * Peru's national public holidays (feriados nacionales), each with the norm that made it and the
 * first year it applied. Pure data and arithmetic, no DOM: the device answers offline.
 *
 * The list is art. 6 of Decreto Legislativo 713 (1991) as later amended:
 * - Ley 31381 (Dec. 2021, in force 2022) added 9 de diciembre (Batalla de Ayacucho);
 * - Ley 31530 (El Peruano, 26 Jul. 2022) added 6 de agosto (Batalla de Junín), first kept in 2022;
 * - Ley 31788 (El Peruano, 15 Jun. 2023, after 7 June) added 7 de junio (Batalla de Arica y Día
 *   de la Bandera), first kept in 2024;
 * - Ley 31822 (July 2023) declared 23 de julio (Día de la Fuerza Aérea del Perú), first kept in 2023.
 * Días no laborables decreed year by year (PCM decrees) are not holidays and are not listed.
 */

/** One fixed-date holiday: month (1–12), day, Spanish name, legal basis and first year. */
export interface FixedHoliday {
  readonly month: number;
  readonly day: number;
  readonly name: string;
  readonly norm: string;
  readonly since: number;
}

const DL_713 = 'D. Leg. 713';

/** The fixed-date national holidays, in calendar order. */
export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: 'Año Nuevo', norm: DL_713, since: 1991 },
  { month: 5, day: 1, name: 'Día del Trabajo', norm: DL_713, since: 1991 },
  { month: 6, day: 7, name: 'Batalla de Arica y Día de la Bandera', norm: 'Ley 31788', since: 2024 },
  { month: 6, day: 29, name: 'San Pedro y San Pablo', norm: DL_713, since: 1991 },
  { month: 7, day: 23, name: 'Día de la Fuerza Aérea del Perú', norm: 'Ley 31822', since: 2023 },
  { month: 7, day: 28, name: 'Fiestas Patrias', norm: DL_713, since: 1991 },
  { month: 7, day: 29, name: 'Fiestas Patrias', norm: DL_713, since: 1991 },
  { month: 8, day: 6, name: 'Batalla de Junín', norm: 'Ley 31530', since: 2022 },
  { month: 8, day: 30, name: 'Santa Rosa de Lima', norm: DL_713, since: 1991 },
  { month: 10, day: 8, name: 'Combate de Angamos', norm: DL_713, since: 1991 },
  { month: 11, day: 1, name: 'Todos los Santos', norm: DL_713, since: 1991 },
  { month: 12, day: 8, name: 'Inmaculada Concepción', norm: DL_713, since: 1991 },
  { month: 12, day: 9, name: 'Batalla de Ayacucho', norm: 'Ley 31381', since: 2022 },
  { month: 12, day: 25, name: 'Navidad del Señor', norm: DL_713, since: 1991 },
];

/** A day as `YYYY-MM-DD`. */
export type IsoDay = string;

/** Formats a UTC-midnight Date as `YYYY-MM-DD`. */
export function formatIsoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as UTC midnight; throws on anything else (a bug, not user input). */
export function parseIsoDay(day: IsoDay): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function computeEasterSunday(year: number): IsoDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDay(new Date(Date.UTC(year, month - 1, day)));
}

/** Adds calendar days to a day. */
export function addCalendarDays(day: IsoDay, days: number): IsoDay {
  const date = parseIsoDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatIsoDay(date);
}

const cache = new Map<number, ReadonlyMap<IsoDay, string>>();

/** The national holidays of a year, day → Spanish name (Jueves and Viernes Santo included). */
export function listHolidays(year: number): ReadonlyMap<IsoDay, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Map<IsoDay, string>();
  for (const h of FIXED_HOLIDAYS) {
    if (year < h.since) continue;
    days.set(`${year}-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`, h.name);
  }
  const easter = computeEasterSunday(year);
  days.set(addCalendarDays(easter, -3), 'Jueves Santo');
  days.set(addCalendarDays(easter, -2), 'Viernes Santo');
  const sorted = new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
  cache.set(year, sorted);
  return sorted;
}

/** The holiday's name if `day` is a national holiday, else undefined. */
export function findHoliday(day: IsoDay): string | undefined {
  return listHolidays(Number(day.slice(0, 4))).get(day);
}
