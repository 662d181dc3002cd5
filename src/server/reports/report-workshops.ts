/**
 * The workshops a national report counts: those whose first day falls in the year (Lima time),
 * and of the topic when one is asked, from the report's mirror (their dates may carry any
 * offset, so the year is decided on the parsed instant, never on the text).
 */
import { foldText } from '../../shared/fold-text';
import type { ReportMirror } from './report-mirror';

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
export function listReportWorkshops(mirror: ReportMirror, year: number, topic: string | undefined): { workshops: ReportWorkshop[]; topics: string[] } {
  const wanted = topic === undefined ? undefined : foldText(topic).trim();
  const workshops: ReportWorkshop[] = [];
  const topics = new Set<string>();
  for (const [id, workshop] of mirror.workshops) {
    if (workshop.year !== year) continue;
    topics.add(workshop.topic);
    if (wanted !== undefined && foldText(workshop.topic).trim() !== wanted) continue;
    workshops.push({ id, month: workshop.month, region: workshop.region, hours: workshop.hours });
  }
  return { workshops, topics: [...topics].sort((a, b) => a.localeCompare(b, 'es')) };
}
