/**
 * Figures a facilitador reads at a glance: attendance by region and by government level, and
 * the attendance as CSV. All computed on the device from the roster, so it works offline.
 */
import { formatCsv, type CsvCell } from '../shared/csv';
import { regionName } from '../shared/places/regions';
import { DOCUMENT_TYPES, ENTITY_TYPES, GOVERNMENT_LEVELS } from '../shared/schemas/attendance';
import { t, type MessageKey } from '../shared/i18n/workshops';
import type { LocalAttendance } from './attendance-model';

/** One bar of a chart: a label, its count, and a stable key. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

function nameEach<K extends string>(codes: readonly K[], stem: string): Record<K, string> {
  return Object.fromEntries(codes.map((code) => [code, t(`${stem}.${code}` as MessageKey)])) as Record<K, string>;
}

/** Spanish names of the government levels. */
export const LEVEL_LABELS = nameEach(GOVERNMENT_LEVELS, 'attendance.level');

/** Spanish names of the entity types. */
export const ENTITY_LABELS = nameEach(ENTITY_TYPES, 'attendance.entity');

/** Spanish names of the document types. */
export const DOCUMENT_LABELS = nameEach(DOCUMENT_TYPES, 'attendance.document');

/** Attendance by region, most first (ties by name). */
export function countByRegion(roster: readonly LocalAttendance[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const row of roster) counts.set(row.person.regionCode, (counts.get(row.person.regionCode) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: regionName(key) ?? key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'es'));
}

/** Attendance by government level, in the fixed order national → other (levels with none left out). */
export function countByLevel(roster: readonly LocalAttendance[]): CountRow[] {
  return GOVERNMENT_LEVELS.map((level) => ({
    key: level,
    label: LEVEL_LABELS[level],
    count: roster.filter((row) => row.person.governmentLevel === level).length,
  })).filter((row) => row.count > 0);
}

const CSV_COLUMNS = [
  'fullName', 'documentType', 'documentNumber', 'entityType', 'entityName', 'governmentLevel',
  'region', 'position', 'email', 'phone', 'consent', 'recordedAt', 'merged',
] as const;

/** A time as Lima reads it, for the CSV (e.g. 2026-12-01 09:30). */
function formatLima(iso: string): string {
  return new Date(Date.parse(iso) - 5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The attendance as CSV (the shared writer: BOM, quoted, CRLF, formulas neutralised — names are
 * typed by anyone at the door). The one number, how many records merged, is the app's own count.
 */
export function formatAttendanceCsv(roster: readonly LocalAttendance[]): string {
  const lines: CsvCell[][] = [CSV_COLUMNS.map((column) => t(`attendance.csv.${column}`)), ...roster.map((row) => {
    const p = row.person;
    return [
      p.fullName, p.documentType ? DOCUMENT_LABELS[p.documentType] : '', p.documentNumber ?? '', ENTITY_LABELS[p.entityType], p.entityName,
      LEVEL_LABELS[p.governmentLevel], regionName(p.regionCode) ?? p.regionCode, p.position ?? '', p.email ?? '', p.phone ?? '',
      row.consent.textVersion, formatLima(row.recordedAt), row.mergedIds.length,
    ];
  })];
  return formatCsv(lines);
}

/** The file name of an export, e.g. `asistencia-K7M2QP-2026-12-01.csv`. */
export function buildCsvFileName(code: string, now: Date = new Date()): string {
  return `asistencia-${code}-${formatLima(now.toISOString()).slice(0, 10)}.csv`;
}
