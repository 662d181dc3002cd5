/**
 * People, entities and municipalities reached, and feedback, for the report's workshops, counted
 * from the report's mirror: a person is counted once per region, per month and in total; an
 * entity likewise, and it is a municipality when any of its records says so. Only counts and
 * sums leave this module.
 */
import type { NationalReportQuery } from '../../shared/schemas/national-report';
import type { MirrorAttendance, ReportMirror } from './report-mirror';
import type { ReportWorkshop } from './report-workshops';
import { groupIn, type Grouped } from './report-groups';

/** People, entities and municipalities of one group. */
export interface ReachCounts {
  people: number;
  entities: number;
  municipalities: number;
}

/** Reach per region code, per month (`01`…`12`) and in total. */
export type Reach = Grouped<ReachCounts>;

/**
 * Who was already counted in one group: a byte per person (1 = counted) and per entity
 * (1 = counted, 2 = counted and a municipality), indexed by their numbers in the mirror.
 */
interface Seen {
  people: Uint8Array;
  entities: Uint8Array;
  counts: ReachCounts;
}

/**
 * A workshop's records as three numbers each — person (-1 none), entity × 2 + 1 if a
 * municipality (-1 none), region number — so the unfiltered count (the report's default) reads
 * typed arrays instead of objects. Kept in the mirror until one of the workshop's records changes.
 */
function packOf(mirror: ReportMirror, workshopId: string): Int32Array {
  let packed = mirror.packedAttendance.get(workshopId);
  if (packed) return packed;
  const records = [...(mirror.attendance.get(workshopId)?.values() ?? [])];
  packed = new Int32Array(records.length * 3);
  records.forEach((record, i) => {
    const region = record.region ?? '';
    let number = mirror.regionNumbers.get(region);
    if (number === undefined) mirror.regionNumbers.set(region, (number = mirror.regionNumbers.size));
    packed![i * 3] = record.person;
    packed![i * 3 + 1] = record.entity < 0 ? -1 : record.entity * 2 + (record.isMunicipality ? 1 : 0);
    packed![i * 3 + 2] = number;
  });
  mirror.packedAttendance.set(workshopId, packed);
  return packed;
}

/** Counts the people reached by the workshops given, with the query's entity and level filters. */
export function countReach(mirror: ReportMirror, workshops: readonly ReportWorkshop[], query: NationalReportQuery): Reach {
  if (query.entityType === undefined && query.governmentLevel === undefined) return countPacked(mirror, workshops);
  return countFiltered(mirror, workshops, query);
}

function countPacked(mirror: ReportMirror, workshops: readonly ReportWorkshop[]): Reach {
  const newSeen = (): Seen => ({ people: new Uint8Array(mirror.people.size), entities: new Uint8Array(mirror.entities.size), counts: emptyReach() });
  const byRegionNumber: (Seen | undefined)[] = [];
  const byMonth = new Map<string, Seen>();
  const total = newSeen();
  for (const workshop of workshops) {
    let month = byMonth.get(workshop.month);
    if (!month) byMonth.set(workshop.month, (month = newSeen()));
    const packed = packOf(mirror, workshop.id);
    for (let i = 0; i < packed.length; i += 3) {
      const person = packed[i]!;
      const entity = packed[i + 1]!;
      const region = (byRegionNumber[packed[i + 2]!] ??= newSeen());
      countNumbers(region, person, entity);
      countNumbers(month, person, entity);
      countNumbers(total, person, entity);
    }
  }
  const byRegion = new Map<string, ReachCounts>();
  for (const [code, number] of mirror.regionNumbers) {
    const seen = byRegionNumber[number];
    if (seen) byRegion.set(code, seen.counts);
  }
  return { byRegion, byMonth: new Map([...byMonth].map(([key, seen]) => [key, seen.counts])), total: total.counts };
}

function countNumbers(seen: Seen, person: number, entity: number): void {
  if (person >= 0 && seen.people[person] === 0) {
    seen.people[person] = 1;
    seen.counts.people += 1;
  }
  if (entity < 0) return;
  const id = entity >> 1;
  const before = seen.entities[id]!;
  if (before === 0) seen.counts.entities += 1;
  if ((entity & 1) === 1 && before !== 2) {
    seen.entities[id] = 2;
    seen.counts.municipalities += 1;
  } else if (before === 0) {
    seen.entities[id] = 1;
  }
}

/** The same counts from the records themselves, where the query filters by entity type or level. */
function countFiltered(mirror: ReportMirror, workshops: readonly ReportWorkshop[], query: NationalReportQuery): Reach {
  const newSeen = (): Seen => ({ people: new Uint8Array(mirror.people.size), entities: new Uint8Array(mirror.entities.size), counts: emptyReach() });
  const byRegion = new Map<string, Seen>();
  const byMonth = new Map<string, Seen>();
  const total = newSeen();
  const groupOf = (map: Map<string, Seen>, key: string) => groupIn(map, key, newSeen);
  for (const workshop of workshops) {
    const month = groupOf(byMonth, workshop.month);
    for (const record of mirror.attendance.get(workshop.id)?.values() ?? []) {
      if (query.entityType !== undefined && record.entityType !== query.entityType) continue;
      if (query.governmentLevel !== undefined && record.level !== query.governmentLevel) continue;
      const region = groupOf(byRegion, record.region ?? '');
      count(region, record);
      count(month, record);
      count(total, record);
    }
  }
  const counted = (map: Map<string, Seen>) => new Map([...map].map(([key, seen]) => [key, seen.counts]));
  return { byRegion: counted(byRegion), byMonth: counted(byMonth), total: total.counts };
}

function count(seen: Seen, record: MirrorAttendance): void {
  if (record.person >= 0 && seen.people[record.person] === 0) {
    seen.people[record.person] = 1;
    seen.counts.people += 1;
  }
  if (record.entity < 0) return;
  const before = seen.entities[record.entity]!;
  if (before === 0) seen.counts.entities += 1;
  if (record.isMunicipality && before !== 2) {
    seen.entities[record.entity] = 2;
    seen.counts.municipalities += 1;
  } else if (before === 0) {
    seen.entities[record.entity] = 1;
  }
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

/** Feedback sums per workshop id (only workshops that have any); each workshop's is added up again only after it changed. */
export function sumFeedback(mirror: ReportMirror, workshops: readonly ReportWorkshop[]): Map<string, FeedbackSums> {
  const sums = new Map<string, FeedbackSums>();
  for (const workshop of workshops) {
    const opinions = mirror.feedback.get(workshop.id);
    if (!opinions || opinions.size === 0) continue;
    let into = mirror.feedbackSums.get(workshop.id);
    if (!into) {
      into = { count: 0, contenido: 0, facilitacion: 0, utilidad: 0, organizacion: 0, recommend: 0 };
      for (const answers of opinions.values()) {
        into.count += 1;
        into.recommend += answers.recommend;
        for (const dimension of FEEDBACK_DIMENSIONS) into[dimension] += answers.ratings[dimension];
      }
      mirror.feedbackSums.set(workshop.id, into);
    }
    sums.set(workshop.id, into);
  }
  return sums;
}
