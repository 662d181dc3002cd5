/**
 * Events and their checklists for the national report: events planned in the year and those
 * already over, and the checklist items that apply to them — resolved (done or not applicable)
 * and overdue — read by the same rules the device uses (conditions, due dates in working days).
 * Grouped by the event's RED region and Lima month. Archived events and runs set aside do not
 * count. Only counts leave this module: no title, venue, note or person.
 */
import { sql, type Kysely } from 'kysely';
import { doesItemApply } from '../../shared/catalogue/conditions';
import type { ChecklistTemplate } from '../../shared/catalogue/template';
import { computeDueDate, isOverdue, toLimaDay } from '../../shared/calendar/working-days';
import { RUN_ITEM_ID, type ChecklistItemPatch, type ChecklistRunRow } from '../../shared/schemas/checklist';
import type { EventFields } from '../../shared/schemas/event';
import { withCatalogueTables } from '../catalogue/catalogue-tables';
import type { Database } from '../store/schema';
import { readJson } from '../store/json';
import { limaMonthOf, regionOfAnyPlace } from './report-places';

/** Event and checklist counts of one group. */
export interface EventCounts {
  planned: number;
  held: number;
  items: number;
  resolved: number;
  overdue: number;
}

/** One group's counts, keyed by region code (or '' without one) and by month. */
export interface EventTally {
  byRegion: Map<string, EventCounts>;
  byMonth: Map<string, EventCounts>;
  total: EventCounts;
}

/** Zero events and items. */
export function emptyEventCounts(): EventCounts {
  return { planned: 0, held: 0, items: 0, resolved: 0, overdue: 0 };
}

// Any instant of Lima year Y is written, whatever its offset, with a date from Y-1-12-31 to Y+1-01-01:
// a text range the database can apply before the exact check here.
function yearTextRange(year: number): [string, string] {
  return [`${year - 1}-12-31`, `${year + 1}-01-02`];
}

/** Counts the year's events and checklist items; `nowMs` decides what is over and what is late. */
export async function tallyEvents(db: Kysely<Database>, year: number, nowMs: number): Promise<EventTally> {
  const tally: EventTally = { byRegion: new Map(), byMonth: new Map(), total: emptyEventCounts() };
  const [from, to] = yearTextRange(year);
  const events = await sql<{ id: string; starts_at: string; ends_at: string; place_code: string }>`
    select e.id, e.report_starts_at as starts_at, e.report_ends_at as ends_at, e.report_place as place_code
    from events e
    where e.deleted = 0 and e.archived = 0 and e.report_starts_at >= ${from} and e.report_starts_at < ${to}
  `.execute(db);
  const groups = new Map<string, { region: string; month: string }>();
  for (const event of events.rows) {
    const when = limaMonthOf(event.starts_at);
    if (when?.year !== year) continue;
    const group = { region: regionOfAnyPlace(event.place_code) ?? '', month: when.month };
    groups.set(event.id, group);
    const isHeld = Date.parse(event.ends_at) <= nowMs;
    for (const counts of targets(tally, group)) {
      counts.planned += 1;
      if (isHeld) counts.held += 1;
    }
  }
  await tallyChecklists(db, tally, groups, year, toLimaDay(new Date(nowMs).toISOString()));
  return tally;
}

function targets(tally: EventTally, group: { region: string; month: string }): EventCounts[] {
  return [ensure(tally.byRegion, group.region), ensure(tally.byMonth, group.month), tally.total];
}

function ensure(map: Map<string, EventCounts>, key: string): EventCounts {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyEventCounts();
    map.set(key, counts);
  }
  return counts;
}

interface RunRow {
  id: string;
  event_id: string;
  template_id: string;
  custom_items: string;
  data: string;
}

async function tallyChecklists(
  db: Kysely<Database>, tally: EventTally, groups: Map<string, { region: string; month: string }>, year: number, today: string,
): Promise<void> {
  if (groups.size === 0) return;
  const [from, to] = yearTextRange(year);
  const runsOfYear = sql`
    from checklist_runs r join events e on e.id = r.event_id
    where r.deleted = 0 and e.deleted = 0 and e.archived = 0 and e.report_starts_at >= ${from} and e.report_starts_at < ${to}`;
  const runs = await sql<RunRow>`select r.id, r.event_id, r.template_id, r.custom_items, e.data ${runsOfYear}`.execute(db);
  if (runs.rows.length === 0) return;
  // The year's runs as a table joined once (an IN over a subquery can be planned as a rescan per item).
  const items = await sql<{ run_id: string; item_id: string; state: string }>`
    with runs as materialized (select r.id ${runsOfYear})
    select i.run_id, i.item_id, i.state from checklist_items i join runs on runs.id = i.run_id
    where i.deleted = 0
  `.execute(db);
  const statesByRun = new Map<string, Map<string, ChecklistItemPatch>>();
  for (const item of items.rows) {
    let states = statesByRun.get(item.run_id);
    if (!states) statesByRun.set(item.run_id, (states = new Map()));
    states.set(item.item_id, readJson<ChecklistItemPatch>(item.state));
  }
  const templates = await readTemplates(db);
  for (const run of runs.rows) {
    const group = groups.get(run.event_id);
    const template = templates.get(run.template_id);
    const states = statesByRun.get(run.id) ?? new Map<string, ChecklistItemPatch>();
    if (!group || !template || states.get(RUN_ITEM_ID)?.notApplicable === true) continue;
    const counts = countRunItems(template, readJson<ChecklistRunRow['customItems']>(run.custom_items), states, readJson<EventFields>(run.data), today);
    for (const target of targets(tally, group)) {
      target.items += counts.items;
      target.resolved += counts.resolved;
      target.overdue += counts.overdue;
    }
  }
}

async function readTemplates(db: Kysely<Database>): Promise<Map<string, ChecklistTemplate>> {
  const rows = await withCatalogueTables(db).selectFrom('catalogue_templates').select(['id', 'row']).where('deleted', '=', 0).execute();
  return new Map(rows.map((row) => [row.id, readJson<ChecklistTemplate>(row.row)]));
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
