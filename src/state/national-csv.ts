/**
 * The Panorama de la RED as a CSV file: one line per RED region and one for the whole RED, with
 * every figure of the report (aggregates only). Written with the app's one CSV writer.
 */
import { formatCsv, type CsvCell } from '../shared/csv';
import { regionName } from '../shared/places/regions';
import type { NationalReport } from '../shared/schemas/national-report';
import { t } from '../shared/i18n/national';
import { FIGURE_IDS, labelFigure, readFigure, type FigureSource } from './national-figures';

const FEEDBACK_DIMENSIONS = ['contenido', 'facilitacion', 'utilidad', 'organizacion'] as const;

function round(value: number | undefined): CsvCell {
  return value === undefined ? '' : Math.round(value * 10) / 10;
}

function cells(figures: FigureSource): CsvCell[] {
  return [
    ...FIGURE_IDS.map((id) => round(readFigure(id, figures))),
    figures.municipalities, figures.districts ?? '', figures.feedback.count,
    ...FEEDBACK_DIMENSIONS.map((d) => round(figures.feedback[d])),
    figures.checklists.items, figures.checklists.resolved,
  ];
}

/** The CSV text of a report: header, 26 regions, total. */
export function formatNationalCsv(report: NationalReport): string {
  const header: CsvCell[] = [
    t('national.csv.code'), t('national.csv.region'), ...FIGURE_IDS.map(labelFigure),
    t('national.figure.municipalities'), t('national.csv.districts'), t('national.figure.feedback'),
    ...FEEDBACK_DIMENSIONS.map((d) => t(`national.figure.${d}`)), t('national.csv.checklistItems'), t('national.csv.checklistResolved'),
  ];
  const rows = report.regions.map((region) => [region.code, regionName(region.code) ?? region.code, ...cells(region)]);
  return formatCsv([header, ...rows, ['', t('national.total'), ...cells(report.total)]]);
}

/** The file name: `panorama-red-2026.csv`. */
export function nameNationalCsv(report: NationalReport): string {
  return `panorama-red-${report.year}.csv`;
}
