/**
 * People, entities and municipalities reached, and feedback, for the report's workshops. The
 * counting happens in the database (hash aggregates: a person is counted once per region, per
 * month and in total; entities are first grouped by region and month, which leaves a few
 * thousand rows for the three entity counts); only a few dozen numbers come back. Nothing
 * personal is selected; feedback is read only to be summed here, and only sums leave.
 */
import { sql, type Kysely } from 'kysely';
import type { NationalReportQuery } from '../../shared/schemas/national-report';
import type { Database } from '../store/schema';
import type { FeedbackSubmitArgs } from '../../shared/schemas/feedback';
import { readJson } from '../store/json';
import { pairsFromJson, type Engine } from './report-sql';
import type { ReportWorkshop } from './report-workshops';

/** People, entities and municipalities of one group. */
export interface ReachCounts {
  people: number;
  entities: number;
  municipalities: number;
}

/** Reach per region code, per month (`01`…`12`) and in total. */
export interface Reach {
  byRegion: Map<string, ReachCounts>;
  byMonth: Map<string, ReachCounts>;
  total: ReachCounts;
}

interface ReachRow {
  k: string;
  r: string | null;
  m: string | null;
  n: number | string;
  n2: number | string | null;
}

const MUNICIPALITIES = sql`('municipalidad-provincial', 'municipalidad-distrital')`;

/** Counts the people reached by the workshops given, with the query's entity and level filters. */
export async function countReach(db: Kysely<Database>, engine: Engine, workshops: readonly ReportWorkshop[], query: NationalReportQuery): Promise<Reach> {
  const reach: Reach = { byRegion: new Map(), byMonth: new Map(), total: emptyReach() };
  if (workshops.length === 0) return reach;
  const pairs = workshops.map((w) => [w.id, w.month] as const);
  const entityFilter = query.entityType === undefined ? sql`` : sql` and a.report_entity_type = ${query.entityType}`;
  const levelFilter = query.governmentLevel === undefined ? sql`` : sql` and a.report_level = ${query.governmentLevel}`;
  const result = await sql<ReachRow>`
    with wk as materialized (${pairsFromJson(engine, pairs)}),
    base as materialized (
      select a.report_region as r, wk.grp as m, a.report_person as p, a.report_entity as e,
        case when a.report_entity_type in ${MUNICIPALITIES} then 1 else 0 end as mu
      from attendance a join wk on wk.id = a.workshop_id
      where a.deleted = 0${entityFilter}${levelFilter}
    ),
    ents_rm as materialized (select r, m, e, max(mu) as mu from base where e is not null and e <> '' group by r, m, e),
    ents_r as (select r, e, max(mu) as mu from ents_rm group by r, e),
    ents_m as (select m, e, max(mu) as mu from ents_rm group by m, e),
    ents_t as (select e, max(mu) as mu from ents_rm group by e)
    select 'pr' as k, r, null as m, count(*) as n, 0 as n2 from (select distinct r, p from base where p is not null) x group by r
    union all select 'pm', null, m, count(*), 0 from (select distinct m, p from base where p is not null) x group by m
    union all select 'pt', null, null, count(*), 0 from (select distinct p from base where p is not null) x
    union all select 'er', r, null, count(*), sum(mu) from ents_r group by r
    union all select 'em', null, m, count(*), sum(mu) from ents_m group by m
    union all select 'et', null, null, count(*), sum(mu) from ents_t
  `.execute(db);
  for (const row of result.rows) addReachRow(reach, row);
  return reach;
}

function addReachRow(reach: Reach, row: ReachRow): void {
  const target = row.k.endsWith('t') ? reach.total
    : row.k.endsWith('r') ? ensure(reach.byRegion, row.r ?? '')
      : ensure(reach.byMonth, row.m ?? '');
  if (row.k.startsWith('p')) {
    target.people = Number(row.n);
  } else {
    target.entities = Number(row.n);
    target.municipalities = Number(row.n2 ?? 0);
  }
}

function ensure(map: Map<string, ReachCounts>, key: string): ReachCounts {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyReach();
    map.set(key, counts);
  }
  return counts;
}

/** Zero people, entities and municipalities. */
export function emptyReach(): ReachCounts {
  return { people: 0, entities: 0, municipalities: 0 };
}

/** Sums of one workshop's feedback: how many, and the totals of each rating and of «recommend». */
export interface FeedbackSums {
  count: number;
  contenido: number;
  facilitacion: number;
  utilidad: number;
  organizacion: number;
  recommend: number;
}

export const FEEDBACK_DIMENSIONS = ['contenido', 'facilitacion', 'utilidad', 'organizacion'] as const;

/**
 * Feedback sums per workshop id (only workshops that have any). The answers are read as text and
 * summed here: extracting five numbers from each row's JSON in SQL parses it five times, which on
 * PostgreSQL cost about 5× reading the text (measured on 12,000 answers).
 */
export async function sumFeedback(db: Kysely<Database>, engine: Engine, workshops: readonly ReportWorkshop[]): Promise<Map<string, FeedbackSums>> {
  const sums = new Map<string, FeedbackSums>();
  if (workshops.length === 0) return sums;
  const pairs = workshops.map((w) => [w.id, w.month] as const);
  const result = await sql<{ id: string; answers: string }>`
    with wk as materialized (${pairsFromJson(engine, pairs)})
    select f.workshop_id as id, f.answers from feedback f join wk on wk.id = f.workshop_id where f.deleted = 0
  `.execute(db);
  for (const row of result.rows) {
    const answers = readJson<Pick<FeedbackSubmitArgs, 'ratings' | 'recommend'>>(row.answers);
    let into = sums.get(row.id);
    if (!into) sums.set(row.id, (into = { count: 0, contenido: 0, facilitacion: 0, utilidad: 0, organizacion: 0, recommend: 0 }));
    into.count += 1;
    into.recommend += answers.recommend;
    for (const dimension of FEEDBACK_DIMENSIONS) into[dimension] += answers.ratings[dimension];
  }
  return sums;
}
