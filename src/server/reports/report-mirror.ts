/**
 * What the national report counts, kept in this process and brought up to date by reading only
 * the rows written since the last report (issue #11: ≤ 300 ms p95 right after a write, where
 * rebuilding from the tables took 2–3 s at 100,000 attendance records).
 *
 * Every write to these tables stamps its row with a value of the one global version counter, and
 * on PostgreSQL the counter stays locked until the writer commits (store/version.ts): once the
 * counter reads V, every row stamped ≤ V is committed and visible. So reading `version in (seen, V]`
 * after reading V misses nothing and sees nothing half-written; a deleted or erased row arrives
 * the same way (its tombstone takes a version) and leaves or is scrubbed here too. Rows are never
 * removed from these tables outright.
 *
 * Held per attendance record: its workshop, region, entity type, level and the two keys that
 * count a person and an entity once — no name, contact or comment. Templates are few and are
 * read by their own versions (the catalogue import stamps them apart from the counter).
 */
import { sql, type Kysely } from 'kysely';
import type { ChecklistTemplate } from '../../shared/catalogue/template';
import type { ChecklistItemPatch, ChecklistRunRow } from '../../shared/schemas/checklist';
import type { EventFields } from '../../shared/schemas/event';
import type { FeedbackSubmitArgs } from '../../shared/schemas/feedback';
import type { WorkshopSaveArgs } from '../../shared/schemas/workshop';
import { computeWorkshopHours } from '../../shared/workshop-hours';
import { withCatalogueTables } from '../catalogue/catalogue-tables';
import type { Database } from '../store/schema';
import { readJson } from '../store/json';
import { readCurrentVersion } from '../store/version';
import { createKeyDictionary, type KeyDictionary } from './report-keys';
import type { FeedbackSums } from './report-training';
import { limaMonthOf, regionOfAnyPlace } from './report-places';

/** A workshop as the report groups it. */
export interface MirrorWorkshop {
  year: number | undefined;
  /** `01`…`12`. */
  month: string;
  topic: string;
  /** Its RED region, or undefined (virtual without a place). */
  region: string | undefined;
  hours: number;
}

/** An attendance record as the report counts it (the derived report_* columns). */
export interface MirrorAttendance {
  region: string | null;
  /** The person's number in `people`, or -1 when the record has no key (erased). */
  person: number;
  /** The entity's number in `entities`, or -1 when none is named. */
  entity: number;
  entityType: string | null;
  level: string | null;
  isMunicipality: boolean;
}

const MUNICIPALITIES = new Set(['municipalidad-provincial', 'municipalidad-distrital']);

/** One opinion's numbers (the comment is never read). */
export type MirrorOpinion = Pick<FeedbackSubmitArgs, 'ratings' | 'recommend'>;

/** An event as the report groups it; `data` is parsed only when a checklist run needs it. */
export interface MirrorEvent {
  year: number | undefined;
  month: string;
  region: string;
  endsAtMs: number;
  data: string;
  parsed?: EventFields;
}

/** A checklist run and the states of its touched items. */
export interface MirrorRun {
  eventId: string;
  templateId: string;
  customItems: ChecklistRunRow['customItems'];
}

/** A run's counts as last computed, valid while its event, template, items and day are the same. */
export interface RunCounts {
  event: MirrorEvent;
  template: ChecklistTemplate;
  today: string;
  counts: { items: number; resolved: number; overdue: number };
}

/** The whole mirror; read it only after `refresh`. */
export interface ReportMirror {
  /** The keys that count a person once, and an entity once. */
  people: KeyDictionary;
  entities: KeyDictionary;
  workshops: Map<string, MirrorWorkshop>;
  /** Attendance by workshop id, then by record id. */
  attendance: Map<string, Map<string, MirrorAttendance>>;
  /** A workshop's attendance packed for counting (report-training.ts), dropped when one of its records changes. */
  packedAttendance: Map<string, Int32Array>;
  /** Region codes by a small number, for the packed attendance (codes are not personal: never forgotten). */
  regionNumbers: Map<string, number>;
  /** Opinions by workshop id, then by feedback id. */
  feedback: Map<string, Map<string, MirrorOpinion>>;
  /** Feedback sums per workshop id as last added up, dropped when one of its opinions changes. */
  feedbackSums: Map<string, FeedbackSums>;
  events: Map<string, MirrorEvent>;
  runs: Map<string, MirrorRun>;
  /** Item states by run id, then by item id. */
  items: Map<string, Map<string, ChecklistItemPatch>>;
  templates: Map<string, ChecklistTemplate>;
  /** Counts per run id, dropped when the run or one of its items changes (the rest is checked by identity). */
  runCounts: Map<string, RunCounts>;
  /** Brings every map up to what the database holds now; concurrent callers share one read. */
  refresh(): Promise<void>;
}

type Row = Record<string, unknown> & { id: string; deleted: number | string };

/** An empty mirror of `db`; the first refresh reads the tables whole. */
export function createReportMirror(db: Kysely<Database>): ReportMirror {
  let seen = 0;
  let running: Promise<void> | undefined;
  const owners = { attendance: new Map<string, string>(), feedback: new Map<string, string>(), items: new Map<string, string>() };
  const templateVersions = new Map<string, string>();
  const mirror: ReportMirror = {
    people: createKeyDictionary(), entities: createKeyDictionary(), runCounts: new Map(), feedbackSums: new Map(),
    packedAttendance: new Map(), regionNumbers: new Map(),
    workshops: new Map(), attendance: new Map(), feedback: new Map(), events: new Map(), runs: new Map(), items: new Map(), templates: new Map(),
    refresh() {
      running ??= (async () => {
        try {
          const upTo = await readCurrentVersion(db);
          if (upTo !== seen) {
            await readChanges(db, mirror, owners, seen, upTo);
            seen = upTo;
          }
          await readTemplates(db, mirror.templates, templateVersions);
        } finally {
          running = undefined;
        }
      })();
      return running;
    },
  };
  return mirror;
}

type Owners = { attendance: Map<string, string>; feedback: Map<string, string>; items: Map<string, string> };

async function changed(db: Kysely<Database>, columns: ReturnType<typeof sql.raw>, table: string, from: number, to: number): Promise<Row[]> {
  const result = await sql<Row>`select id, deleted, ${columns} from ${sql.table(table)} where version > ${from} and version <= ${to}`.execute(db);
  return result.rows;
}

async function readChanges(db: Kysely<Database>, mirror: ReportMirror, owners: Owners, from: number, to: number): Promise<void> {
  const [workshops, attendance, feedback, events, runs, items] = await Promise.all([
    changed(db, sql.raw('data'), 'workshops', from, to),
    changed(db, sql.raw('workshop_id, report_region, report_person, report_entity, report_entity_type, report_level'), 'attendance', from, to),
    changed(db, sql.raw('workshop_id, answers'), 'feedback', from, to),
    changed(db, sql.raw('archived, data, report_starts_at, report_ends_at, report_place'), 'events', from, to),
    changed(db, sql.raw('event_id, template_id, custom_items'), 'checklist_runs', from, to),
    changed(db, sql.raw('run_id, item_id, state'), 'checklist_items', from, to),
  ]);
  for (const row of workshops) {
    if (Number(row.deleted) !== 0) mirror.workshops.delete(row.id);
    else mirror.workshops.set(row.id, toWorkshop(String(row.data)));
  }
  for (const row of attendance) {
    mirror.packedAttendance.delete(owners.attendance.get(row.id) ?? '');
    mirror.packedAttendance.delete(String(row.workshop_id));
    const before = mirror.attendance.get(owners.attendance.get(row.id) ?? '')?.get(row.id);
    if (before) release(mirror, before);
    upsertGrouped(mirror.attendance, owners.attendance, row.id, String(row.workshop_id), Number(row.deleted) !== 0 ? undefined : toAttendance(mirror, row));
  }
  for (const row of feedback) {
    mirror.feedbackSums.delete(owners.feedback.get(row.id) ?? '');
    mirror.feedbackSums.delete(String(row.workshop_id));
    upsertGrouped(mirror.feedback, owners.feedback, row.id, String(row.workshop_id), Number(row.deleted) !== 0 ? undefined : readJson<MirrorOpinion>(String(row.answers)));
  }
  for (const row of events) {
    if (Number(row.deleted) !== 0 || Number(row.archived) !== 0) mirror.events.delete(row.id);
    else mirror.events.set(row.id, toEvent(row));
  }
  for (const row of runs) {
    mirror.runCounts.delete(row.id);
    if (Number(row.deleted) !== 0) mirror.runs.delete(row.id);
    else mirror.runs.set(row.id, { eventId: String(row.event_id), templateId: String(row.template_id), customItems: readJson(String(row.custom_items)) });
  }
  for (const row of items) {
    const state = Number(row.deleted) === 0 ? readJson<ChecklistItemPatch>(String(row.state)) : undefined;
    upsertGrouped(mirror.items, owners.items, row.id, String(row.run_id), state, String(row.item_id));
    mirror.runCounts.delete(String(row.run_id));
  }
}

/**
 * Puts `value` under `group` (removing it from the group it was in), or removes it when undefined.
 * Items are keyed inside their run by item id, everything else by row id.
 */
function upsertGrouped<T>(groups: Map<string, Map<string, T>>, owners: Map<string, string>, id: string, group: string, value: T | undefined, key = id): void {
  const before = owners.get(id);
  if (before !== undefined) groups.get(before)?.delete(key);
  if (value === undefined) {
    owners.delete(id);
    return;
  }
  owners.set(id, group);
  let members = groups.get(group);
  if (!members) groups.set(group, (members = new Map()));
  members.set(key, value);
}

function toAttendance(mirror: ReportMirror, row: Row): MirrorAttendance {
  const person = text(row.report_person);
  const entity = text(row.report_entity);
  const entityType = text(row.report_entity_type);
  return {
    region: text(row.report_region), entityType, level: text(row.report_level),
    person: person === null ? -1 : mirror.people.intern(person),
    entity: entity === null || entity === '' ? -1 : mirror.entities.intern(entity),
    isMunicipality: entityType !== null && MUNICIPALITIES.has(entityType),
  };
}

function release(mirror: ReportMirror, record: MirrorAttendance): void {
  if (record.person >= 0) mirror.people.release(record.person);
  if (record.entity >= 0) mirror.entities.release(record.entity);
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function toWorkshop(json: string): MirrorWorkshop {
  const data = readJson<Omit<WorkshopSaveArgs, 'id'>>(json);
  const when = limaMonthOf(data.startsAt);
  return {
    year: when?.year, month: when?.month ?? '', topic: data.topic,
    region: data.placeCode ? regionOfAnyPlace(data.placeCode) : undefined,
    hours: computeWorkshopHours(data.startsAt, data.endsAt),
  };
}

function toEvent(row: Row): MirrorEvent {
  const when = typeof row.report_starts_at === 'string' ? limaMonthOf(row.report_starts_at) : undefined;
  const place = text(row.report_place);
  return {
    year: when?.year, month: when?.month ?? '', region: (place && regionOfAnyPlace(place)) ?? '',
    endsAtMs: Date.parse(String(row.report_ends_at)), data: String(row.data),
  };
}

async function readTemplates(db: Kysely<Database>, templates: Map<string, ChecklistTemplate>, versions: Map<string, string>): Promise<void> {
  const table = withCatalogueTables(db);
  const current = await table.selectFrom('catalogue_templates').select(['id', 'version']).where('deleted', '=', 0).execute();
  const live = new Set(current.map((row) => row.id));
  for (const id of templates.keys()) {
    if (!live.has(id)) {
      templates.delete(id);
      versions.delete(id);
    }
  }
  const stale = current.filter((row) => versions.get(row.id) !== String(row.version)).map((row) => row.id);
  if (stale.length === 0) return;
  const rows = await table.selectFrom('catalogue_templates').select(['id', 'version', 'row']).where('id', 'in', stale).execute();
  for (const row of rows) {
    templates.set(row.id, readJson<ChecklistTemplate>(row.row));
    versions.set(row.id, String(row.version));
  }
}
