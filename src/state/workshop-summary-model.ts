/**
 * The «Informe del taller»: what a facilitador prints or hands on as a spreadsheet after a
 * workshop — its dates, training hours and facilitators, attendance by region, entity type and
 * level of government, and the feedback summary (averages, distribution, recommendation, the
 * comments as given, with no one's name). The figures CSV carries the same, and no personal data
 * (the attendance CSV is the other file, logged). Pure: computed on the device, offline.
 */
import { formatCsv, type CsvCell } from '../shared/csv';
import { formatDateTime } from '../shared/calendar/lima-dates';
import { ENTITY_TYPES } from '../shared/schemas/attendance';
import { computeWorkshopHours } from '../shared/workshop-hours';
import { t, type MessageKey } from '../shared/i18n/workshops';
import '../shared/i18n/participant';
import type { LocalAttendance } from './attendance-model';
import { countByLevel, countByRegion, ENTITY_LABELS, type CountRow } from './attendance-report-model';
import type { FeedbackSummary } from './feedback-model';
import type { LocalWorkshop } from './workshop-model';

/** Attendance by entity type, in the fixed order of the form (types with none left out). */
export function countByEntityType(roster: readonly LocalAttendance[]): CountRow[] {
  return ENTITY_TYPES.map((type) => ({ key: type, label: ENTITY_LABELS[type], count: roster.filter((row) => row.person.entityType === type).length }))
    .filter((row) => row.count > 0);
}

/** The workshop's facts at the head of the report. */
export interface WorkshopFacts {
  starts: string;
  ends: string;
  hours: number;
  facilitators: string[];
}

/** Dates as Lima reads them, hours of training and facilitators. */
export function describeWorkshop(workshop: Pick<LocalWorkshop, 'startsAt' | 'endsAt' | 'facilitators'>): WorkshopFacts {
  return {
    starts: formatDateTime(workshop.startsAt),
    ends: formatDateTime(workshop.endsAt),
    hours: computeWorkshopHours(workshop.startsAt, workshop.endsAt),
    facilitators: workshop.facilitators,
  };
}

/** The figures as CSV: one line per figure (section, item, value); comments one per line. */
export function formatWorkshopSummaryCsv(workshop: LocalWorkshop, roster: readonly LocalAttendance[], summary: FeedbackSummary): string {
  const facts = describeWorkshop(workshop);
  const lines: CsvCell[][] = [[t('summary.csv.section'), t('summary.csv.item'), t('summary.csv.value')]];
  const add = (section: string, item: string, value: CsvCell) => lines.push([section, item, value]);
  const workshopSection = t('summary.section.workshop');
  add(workshopSection, t('summary.title'), workshop.title);
  add(workshopSection, t('summary.code'), workshop.code);
  add(workshopSection, t('summary.starts'), facts.starts);
  add(workshopSection, t('summary.ends'), facts.ends);
  add(workshopSection, t('summary.hours'), facts.hours);
  for (const name of facts.facilitators) add(workshopSection, t('summary.facilitator'), name);
  add(t('summary.section.attendance'), t('summary.total'), roster.length);
  for (const row of countByRegion(roster)) add(t('report.byRegion'), row.label, row.count);
  for (const row of countByEntityType(roster)) add(t('summary.byEntity'), row.label, row.count);
  for (const row of countByLevel(roster)) add(t('report.byLevel'), row.label, row.count);
  const feedback = t('summary.section.feedback');
  add(feedback, t('summary.answers'), summary.count);
  for (const d of summary.dimensions) {
    const name = t(`feedback.dim.${d.key}` as MessageKey);
    add(feedback, t('summary.average', { dimension: name }), d.average);
    d.distribution.forEach((count, i) => add(feedback, t('summary.scoreCount', { dimension: name, n: i + 1 }), count));
  }
  summary.recommend.forEach((count, score) => add(feedback, t('summary.recommendCount', { n: score }), count));
  add(feedback, t('summary.nps'), summary.nps);
  for (const comment of summary.comments) add(t('report.comments'), '', comment);
  return formatCsv(lines);
}

/** The file name, e.g. `informe-K7M2QP.csv`. */
export function nameWorkshopSummaryCsv(code: string): string {
  return `informe-${code}.csv`;
}
