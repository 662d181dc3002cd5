/**
 * Events and their checklists for the national report: events planned in the year and those
 * already over, and the checklist items that apply to them — resolved (done or not applicable)
 * and overdue — read by the same rules the device uses (conditions, due dates in working days).
 * Grouped by the event's RED region and Lima month. Archived events and runs set aside do not
 * count. Only counts leave this module: no title, venue, note or person.
 */
import { doesItemApply } from '../../shared/catalogue/conditions';
import type { ChecklistTemplate } from '../../shared/catalogue/template';
import { computeDueDate, isOverdue, toLimaDay } from '../../shared/calendar/working-days';
import { RUN_ITEM_ID, type ChecklistItemPatch, type ChecklistRunRow } from '../../shared/schemas/checklist';
import type { EventFields } from '../../shared/schemas/event';
import { readJson } from '../store/json';
import type { ReportMirror } from './report-mirror';
import { groupIn, type Grouped } from './report-groups';

/** Event and checklist counts of one group. */
export interface EventCounts {
  planned: number;
  held: number;
  items: number;
  resolved: number;
  overdue: number;
}

/** One group's counts, keyed by region code (or '' without one) and by month. */
export type EventTally = Grouped<EventCounts>;

/** Zero events and items. */
export function emptyEventCounts(): EventCounts {
  return { planned: 0, held: 0, items: 0, resolved: 0, overdue: 0 };
}

/** Counts the year's events and checklist items; `nowMs` decides what is over and what is late. */
export function tallyEvents(mirror: ReportMirror, year: number, nowMs: number): EventTally {
  const tally: EventTally = { byRegion: new Map(), byMonth: new Map(), total: emptyEventCounts() };
  for (const event of mirror.events.values()) {
    if (event.year !== year) continue;
    const isHeld = event.endsAtMs <= nowMs;
    for (const counts of targets(tally, event)) {
      counts.planned += 1;
      if (isHeld) counts.held += 1;
    }
  }
  tallyChecklists(mirror, tally, year, toLimaDay(new Date(nowMs).toISOString()));
  return tally;
}

function targets(tally: EventTally, group: { region: string; month: string }): EventCounts[] {
  return [groupIn(tally.byRegion, group.region, emptyEventCounts), groupIn(tally.byMonth, group.month, emptyEventCounts), tally.total];
}

function tallyChecklists(mirror: ReportMirror, tally: EventTally, year: number, today: string): void {
  const none = new Map<string, ChecklistItemPatch>();
  for (const [runId, run] of mirror.runs) {
    const event = mirror.events.get(run.eventId);
    const template = mirror.templates.get(run.templateId);
    const states = mirror.items.get(runId) ?? none;
    if (event?.year !== year || !template || states.get(RUN_ITEM_ID)?.notApplicable === true) continue;
    let known = mirror.runCounts.get(runId);
    if (known?.event !== event || known.template !== template || known.today !== today) {
      event.parsed ??= readJson<EventFields>(event.data);
      known = { event, template, today, counts: countRunItems(template, run.customItems, states, event.parsed, today) };
      mirror.runCounts.set(runId, known);
    }
    const { counts } = known;
    for (const target of targets(tally, event)) {
      target.items += counts.items;
      target.resolved += counts.resolved;
      target.overdue += counts.overdue;
    }
  }
}

/** Items of one run that apply, resolved and overdue, as the checklist screen counts them. */
export function countRunItems(
  template: ChecklistTemplate, customItems: ChecklistRunRow['customItems'], states: Map<string, ChecklistItemPatch>, event: EventFields, today: string,
): { items: number; resolved: number; overdue: number } {
  const counts = { items: 0, resolved: 0, overdue: 0 };
  const count = (itemId: string, computedDue: string | null) => {
    const state = states.get(itemId) ?? {};
    const resolved = state.done === true || state.notApplicable === true;
    const due = state.dueDate === undefined ? computedDue : state.dueDate;
    counts.items += 1;
    if (resolved) counts.resolved += 1;
    else if (due !== null && isOverdue(due, today)) counts.overdue += 1;
  };
  for (const section of template.sections) {
    for (const item of section.items) {
      if (doesItemApply(item, event)) count(item.id, computeDueDate(event.startsAt, item.dueDays));
    }
  }
  for (const custom of customItems) count(custom.itemId, null);
  return counts;
}
