/**
 * Training hours of a workshop. A workshop stores only its first start and last end, so one that
 * runs several days is read as the same hours every day (9:00–13:00 from Monday to Wednesday is
 * 12 hours, not 52). Days are Lima days. Used by the national report and the workshop report.
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const LIMA_OFFSET_MS = 5 * HOUR_MS;
/** A day of training longer than this is a mistyped end; count at most this per day. */
const MAX_HOURS_PER_DAY = 12;

/** Hours of training between `startsAt` and `endsAt`, rounded to a quarter hour. */
export function computeWorkshopHours(startsAt: string, endsAt: string): number {
  const start = Date.parse(startsAt) - LIMA_OFFSET_MS;
  const end = Date.parse(endsAt) - LIMA_OFFSET_MS;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 0;
  const days = Math.floor(end / DAY_MS) - Math.floor(start / DAY_MS) + 1;
  const daily = days === 1 ? (end - start) / HOUR_MS : ((end % DAY_MS) - (start % DAY_MS)) / HOUR_MS;
  // An end earlier in its day than the start (an overnight session): take the whole span per day.
  const perDay = daily > 0 ? daily : (end - start) / HOUR_MS / days;
  return Math.round(days * Math.min(perDay, MAX_HOURS_PER_DAY) * 4) / 4;
}
