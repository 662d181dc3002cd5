/**
 * The workshop's feedback as CSV, for the facilitador's own report: anonymous as stored (no name,
 * account or device), through the shared writer (BOM, quoted, formulas neutralised — comments are
 * typed by anyone). Built on the device from what the last sync brought, so it works offline.
 */
import { formatCsv, type CsvCell } from '../shared/csv';
import { FEEDBACK_DIMENSIONS, type FeedbackRow } from './feedback-model';
import { t, type MessageKey } from '../shared/i18n/participant';
import '../shared/i18n/workshops';

/** A time as Lima reads it (e.g. 2026-12-01 09:30); empty when unknown. */
function formatLima(iso: string | undefined): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) - 5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One line per opinion, oldest first: when, the four ratings, the recommendation, the comment and topics. */
export function formatFeedbackCsv(rows: readonly FeedbackRow[]): string {
  const header = [
    t('report.csv.submittedAt'), ...FEEDBACK_DIMENSIONS.map((key) => t(`feedback.dim.${key}` as MessageKey)),
    t('report.csv.recommend'), t('report.csv.comment'), t('report.csv.topics'),
  ];
  const sorted = [...rows].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const lines: CsvCell[][] = sorted.map((row) => [
    formatLima(row.submittedAt), ...FEEDBACK_DIMENSIONS.map((key) => row.ratings[key]), row.recommend, row.comment ?? '', (row.topics ?? []).join('; '),
  ]);
  return formatCsv([header, ...lines]);
}

/** The file name of a feedback export, e.g. `opiniones-K7M2QP-2026-12-01.csv`. */
export function buildFeedbackCsvFileName(code: string, now: Date = new Date()): string {
  return `opiniones-${code}-${formatLima(now.toISOString()).slice(0, 10)}.csv`;
}

/** The CSV as a file to download. */
export function makeFeedbackCsvBlob(rows: readonly FeedbackRow[]): Blob {
  return new Blob([formatFeedbackCsv(rows)], { type: 'text/csv;charset=utf-8' });
}
