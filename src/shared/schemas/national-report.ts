/**
 * `GET /api/reports/national`: the RED's figures for a year, per RED region, per month and in
 * total (coordinación only). Aggregates only: no name, document, contact or comment leaves the
 * server in it, and every feedback figure with fewer than MIN_OPINIONS opinions behind it is
 * left out, so no one's answers can be read from a small group. The device keeps the last
 * report it received and shows it offline with its date.
 */
import * as v from 'valibot';
import { ENTITY_TYPES, GOVERNMENT_LEVELS } from './attendance';
import { IsoInstant, MAX_YEAR, MIN_YEAR, text } from './common';

/** Fewer opinions than this and a feedback figure is not shown (anonymity). */
export const MIN_OPINIONS = 5;

/** The query: `?year=2026` and optional filters on the training figures. */
export const NationalReportQuery = v.strictObject({
  year: v.pipe(
    v.string('Indique el año del informe.'),
    v.regex(/^\d{4}$/, 'El año tiene cuatro cifras.'),
    v.transform(Number),
    v.minValue(MIN_YEAR, `El año va de ${MIN_YEAR} a ${MAX_YEAR}.`),
    v.maxValue(MAX_YEAR, `El año va de ${MIN_YEAR} a ${MAX_YEAR}.`),
  ),
  topic: v.optional(v.pipe(text(200, 'El tema'), v.minLength(1, 'El tema está vacío.'))),
  entityType: v.optional(v.picklist(ENTITY_TYPES, 'Tipo de entidad no válido.')),
  governmentLevel: v.optional(v.picklist(GOVERNMENT_LEVELS, 'Nivel de gobierno no válido.')),
});
export type NationalReportQuery = v.InferOutput<typeof NationalReportQuery>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Average = v.pipe(v.number(), v.minValue(0), v.maxValue(10));

/** Feedback on the workshops: averages (1–5) per dimension and of «recommend» (0–10), each only with ≥ 5 opinions. */
export const FeedbackFigures = v.strictObject({
  count: Count,
  contenido: v.optional(Average),
  facilitacion: v.optional(Average),
  utilidad: v.optional(Average),
  organizacion: v.optional(Average),
  recommend: v.optional(Average),
});
export type FeedbackFigures = v.InferOutput<typeof FeedbackFigures>;

/** The figures of one region, one month or the whole RED. */
export const ReportFigures = v.strictObject({
  /** People trained, each counted once (by document, else by name and entity). */
  people: Count,
  /** Entities the people came from (folded names). */
  entities: Count,
  /** Municipalities among them (provincial or district). */
  municipalities: Count,
  /** Workshops held (by the place of the workshop; virtual ones without a place count only in the total). */
  workshops: Count,
  /** Training hours of those workshops. */
  hours: v.pipe(v.number(), v.minValue(0)),
  feedback: FeedbackFigures,
  /** Events planned for the year and those already over (filters of the training do not apply). */
  events: v.strictObject({ planned: Count, held: Count }),
  /** Checklist items that apply to the year's events, those resolved (done or n/a), and those overdue. */
  checklists: v.strictObject({ items: Count, resolved: Count, overdue: Count }),
});
export type ReportFigures = v.InferOutput<typeof ReportFigures>;

/** A RED region's figures, with its district count and the share of its municipalities reached. */
export const RegionFigures = v.strictObject({
  code: v.string(),
  ...ReportFigures.entries,
  districts: Count,
  /** Municipalities reached over the region's districts, 0–1. */
  municipalityShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type RegionFigures = v.InferOutput<typeof RegionFigures>;

/** A month's figures (`YYYY-MM`, Lima time). */
export const MonthFigures = v.strictObject({ month: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)), ...ReportFigures.entries });
export type MonthFigures = v.InferOutput<typeof MonthFigures>;

/** The whole answer. */
export const NationalReport = v.strictObject({
  year: Count,
  filters: v.strictObject({
    topic: v.optional(v.string()),
    entityType: v.optional(v.picklist(ENTITY_TYPES)),
    governmentLevel: v.optional(v.picklist(GOVERNMENT_LEVELS)),
  }),
  generatedAt: IsoInstant,
  minOpinions: Count,
  /** The 26 RED regions, in display order. */
  regions: v.array(RegionFigures),
  /** The 12 months of the year. */
  months: v.array(MonthFigures),
  total: v.strictObject({ ...ReportFigures.entries, districts: Count, municipalityShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) }),
  /** Topics of the year's workshops, for the filter. */
  topics: v.array(v.string()),
});
export type NationalReport = v.InferOutput<typeof NationalReport>;
