/**
 * The workshops a national report counts: those whose first day falls in the year (Lima time),
 * and of the topic when one is asked. Read whole into memory — a year holds hundreds, at most
 * thousands — because their dates may carry any offset, which SQL could not compare as text.
 */
import type { Kysely } from 'kysely';
import { foldText } from '../../shared/fold-text';
import type { WorkshopSaveArgs } from '../../shared/schemas/workshop';
import { computeWorkshopHours } from '../../shared/workshop-hours';
import type { Database } from '../store/schema';
import { readJson } from '../store/json';
import { regionOfAnyPlace, limaMonthOf } from './report-places';

/** One workshop of the report's year. */
export interface ReportWorkshop {
  id: string;
  /** `01`…`12`. */
  month: string;
  /** Its RED region, or undefined (virtual without a place). */
  region: string | undefined;
  hours: number;
}

/** The year's workshops (filtered by topic), and every topic of the year for the filter list. */
export async function listReportWorkshops(db: Kysely<Database>, year: number, topic: string | undefined): Promise<{ workshops: ReportWorkshop[]; topics: string[] }> {
  const rows = await db.selectFrom('workshops').select(['id', 'data']).where('deleted', '=', 0).execute();
  const wanted = topic === undefined ? undefined : foldText(topic).trim();
  const workshops: ReportWorkshop[] = [];
  const topics = new Set<string>();
  for (const row of rows) {
    const data = readJson<Omit<WorkshopSaveArgs, 'id'>>(row.data);
    const when = limaMonthOf(data.startsAt);
    if (when?.year !== year) continue;
    topics.add(data.topic);
    if (wanted !== undefined && foldText(data.topic).trim() !== wanted) continue;
    workshops.push({
      id: row.id,
      month: when.month,
      region: data.placeCode ? regionOfAnyPlace(data.placeCode) : undefined,
      hours: computeWorkshopHours(data.startsAt, data.endsAt),
    });
  }
  return { workshops, topics: [...topics].sort((a, b) => a.localeCompare(b, 'es')) };
}
