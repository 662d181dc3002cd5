/**
 * The national report (issue #11): the year's training, events and checklists per RED region,
 * per month and in total, built from the three tallies beside this file over the report's mirror
 * (report-mirror.ts). Aggregates only; a feedback figure with fewer than MIN_OPINIONS opinions
 * behind it is left out.
 */
import { countDistricts } from '../../shared/places/district-counts';
import { REGIONS } from '../../shared/places/regions';
import {
  MIN_OPINIONS, type FeedbackFigures, type MonthFigures, type NationalReport, type NationalReportQuery, type RegionFigures, type ReportFigures,
} from '../../shared/schemas/national-report';
import type { AppContext } from '../context';
import { emptyEventCounts, tallyEvents, type EventCounts } from './report-events';
import { countReach, emptyReach, FEEDBACK_DIMENSIONS, sumFeedback, type FeedbackSums, type ReachCounts } from './report-training';
import { createReportMirror, type ReportMirror } from './report-mirror';
import { listReportWorkshops, type ReportWorkshop } from './report-workshops';
import { groupIn } from './report-groups';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const TOTAL_DISTRICTS = REGIONS.reduce((sum, region) => sum + countDistricts(region.code), 0);

/** Workshops, hours and feedback sums of one group. */
interface WorkshopCounts {
  workshops: number;
  hours: number;
  feedback: FeedbackSums;
}

/**
 * Builds the report for `query` at the server's time from `mirror`, brought up to date first
 * (a mirror kept between reports reads only what was written since; without one, all is read).
 */
export async function buildNationalReport(ctx: AppContext, query: NationalReportQuery, mirror: ReportMirror = createReportMirror(ctx.db)): Promise<NationalReport> {
  await mirror.refresh();
  const nowMs = ctx.now();
  const { workshops, topics } = listReportWorkshops(mirror, query.year, query.topic);
  const reach = countReach(mirror, workshops, query);
  const feedback = sumFeedback(mirror, workshops);
  const events = tallyEvents(mirror, query.year, nowMs);
  const held = tallyWorkshops(workshops, feedback);
  const figures = (r: ReachCounts | undefined, w: WorkshopCounts | undefined, e: EventCounts | undefined): ReportFigures =>
    composeFigures(r ?? emptyReach(), w ?? emptyWorkshopCounts(), e ?? emptyEventCounts());
  const regions = REGIONS.map((region): RegionFigures => {
    const own = figures(reach.byRegion.get(region.code), held.byRegion.get(region.code), events.byRegion.get(region.code));
    return { code: region.code, ...own, ...shareOf(own.municipalities, countDistricts(region.code)) };
  });
  const months = MONTHS.map((month): MonthFigures => ({
    month: `${query.year}-${month}`,
    ...figures(reach.byMonth.get(month), held.byMonth.get(month), events.byMonth.get(month)),
  }));
  const total = figures(reach.total, held.total, events.total);
  return {
    year: query.year,
    filters: {
      ...(query.topic !== undefined ? { topic: query.topic } : {}),
      ...(query.entityType !== undefined ? { entityType: query.entityType } : {}),
      ...(query.governmentLevel !== undefined ? { governmentLevel: query.governmentLevel } : {}),
    },
    generatedAt: new Date(nowMs).toISOString(),
    minOpinions: MIN_OPINIONS,
    regions,
    months,
    total: { ...total, ...shareOf(total.municipalities, TOTAL_DISTRICTS) },
    topics,
  };
}

function shareOf(municipalities: number, districts: number): { districts: number; municipalityShare: number } {
  const share = districts === 0 ? 0 : Math.min(1, municipalities / districts);
  return { districts, municipalityShare: Math.round(share * 1000) / 1000 };
}

function composeFigures(reach: ReachCounts, held: WorkshopCounts, events: EventCounts): ReportFigures {
  return {
    ...reach,
    workshops: held.workshops,
    hours: held.hours,
    feedback: summariseFeedback(held.feedback),
    events: { planned: events.planned, held: events.held },
    checklists: { items: events.items, resolved: events.resolved, overdue: events.overdue },
  };
}

/** Averages only where at least MIN_OPINIONS people answered; the count is always given. */
export function summariseFeedback(sums: FeedbackSums): FeedbackFigures {
  if (sums.count < MIN_OPINIONS) return { count: sums.count };
  const average = (total: number) => Math.round((total / sums.count) * 100) / 100;
  const figures: FeedbackFigures = { count: sums.count, recommend: average(sums.recommend) };
  for (const dimension of FEEDBACK_DIMENSIONS) figures[dimension] = average(sums[dimension]);
  return figures;
}

function emptyFeedbackSums(): FeedbackSums {
  return { count: 0, contenido: 0, facilitacion: 0, utilidad: 0, organizacion: 0, recommend: 0 };
}

function emptyWorkshopCounts(): WorkshopCounts {
  return { workshops: 0, hours: 0, feedback: emptyFeedbackSums() };
}

// Workshops count where they were held; virtual ones without a place count in the month and total only.
function tallyWorkshops(workshops: readonly ReportWorkshop[], feedback: Map<string, FeedbackSums>) {
  const byRegion = new Map<string, WorkshopCounts>();
  const byMonth = new Map<string, WorkshopCounts>();
  const total = emptyWorkshopCounts();
  const ensure = (map: Map<string, WorkshopCounts>, key: string) => groupIn(map, key, emptyWorkshopCounts);
  for (const workshop of workshops) {
    const sums = feedback.get(workshop.id);
    const groups = [ensure(byMonth, workshop.month), total];
    if (workshop.region) groups.push(ensure(byRegion, workshop.region));
    for (const counts of groups) {
      counts.workshops += 1;
      counts.hours += workshop.hours;
      if (sums) addSums(counts.feedback, sums);
    }
  }
  return { byRegion, byMonth, total };
}

function addSums(into: FeedbackSums, sums: FeedbackSums): void {
  into.count += sums.count;
  into.recommend += sums.recommend;
  for (const dimension of FEEDBACK_DIMENSIONS) into[dimension] += sums[dimension];
}
