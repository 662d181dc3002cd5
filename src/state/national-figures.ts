/**
 * The figures the Panorama de la RED can colour its map by, how each reads from a region's (or
 * the total's) figures, how it is written, and the five steps of the map's colour scale. Pure:
 * tested by tables, and answered offline from the saved report.
 */
import type { NationalReport, RegionFigures, ReportFigures } from '../shared/schemas/national-report';
import { t, type MessageKey } from '../shared/i18n/national';

/** The figures as the map offers them. */
export const FIGURE_IDS = [
  'people', 'entities', 'municipalityShare', 'workshops', 'hours', 'recommend', 'eventsPlanned', 'eventsHeld', 'checklistProgress', 'overdue',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** A region's or the total's figures, with the municipal share where there is one. */
export type FigureSource = ReportFigures & Partial<Pick<RegionFigures, 'districts' | 'municipalityShare'>>;

/** The value of a figure, or undefined where there is none (feedback with < 5 opinions, a list with no items). */
export function readFigure(id: FigureId, figures: FigureSource): number | undefined {
  switch (id) {
    case 'people': return figures.people;
    case 'entities': return figures.entities;
    case 'municipalityShare': return figures.municipalityShare === undefined ? undefined : figures.municipalityShare * 100;
    case 'workshops': return figures.workshops;
    case 'hours': return figures.hours;
    case 'recommend': return figures.feedback.recommend;
    case 'eventsPlanned': return figures.events.planned;
    case 'eventsHeld': return figures.events.held;
    case 'checklistProgress': return figures.checklists.items === 0 ? undefined : (figures.checklists.resolved / figures.checklists.items) * 100;
    case 'overdue': return figures.checklists.overdue;
  }
}

/** The words of a figure's name. */
export function labelFigure(id: FigureId): string {
  return t(`national.figure.${id}` as MessageKey);
}

const ONE_DECIMAL = new Set<FigureId>(['municipalityShare', 'recommend', 'checklistProgress', 'hours']);

/** A value as written on the map and in the table, the Peruvian way («1,234», «8.6»). */
export function formatFigure(id: FigureId, value: number | undefined): string {
  if (value === undefined) return '—';
  const digits = ONE_DECIMAL.has(id) ? 1 : 0;
  const text = value.toLocaleString('es-PE', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return id === 'municipalityShare' || id === 'checklistProgress' ? `${text} %` : text;
}

/** Number of colour steps on the map (0 = none or nothing, 1…STEPS). */
export const STEPS = 5;

/** The colour step of `value` against the largest value of the regions: 0 for zero or none. */
export function stepOf(value: number | undefined, max: number): number {
  if (value === undefined || value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((value / max) * STEPS));
}

/** The largest value of a figure among the regions (0 when none has one). */
export function maxOfRegions(id: FigureId, report: NationalReport): number {
  return Math.max(0, ...report.regions.map((region) => readFigure(id, region) ?? 0));
}

/** The range of values each colour step stands for, for the legend: `[from, to]`. */
export function describeSteps(max: number): Array<[number, number]> {
  return Array.from({ length: STEPS }, (_, i) => [(max * i) / STEPS, (max * (i + 1)) / STEPS]);
}
