import { signal, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { readSavedNationalReport, saveNationalReport } from '../db/national-report-store';
import type { NationalReport, NationalReportQuery } from '../shared/schemas/national-report';
import { requestJson } from '../sync/api-client';
import type { FigureId } from './national-figures';

/**
 * The Panorama de la RED (coordinación): the last national report kept on the device, shown at
 * once and offline with its date, and a fresh one asked of the server whenever the screen opens
 * or the person changes the year or a filter. A failed or offline request leaves the saved
 * report on screen and says why.
 */

/** Where the request for fresh figures stands. */
export type NationalStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string; status: number };

/** The filters the person chose (the year always). */
export type NationalFilters = Pick<NationalReportQuery, 'year'> & Partial<Omit<NationalReportQuery, 'year'>>;

const report = signal<NationalReport | null>(null);
const status = signal<NationalStatus>({ kind: 'idle' });
const figure = signal<FigureId>('people');
const selected = signal<string | null>(null);

/** The report on screen: the last one received (maybe from a past visit); null before any. */
export const nationalReport: ReadonlySignal<NationalReport | null> = report;
/** Where the latest request stands. */
export const nationalStatus: ReadonlySignal<NationalStatus> = status;
/** The figure the map is coloured by. */
export const chosenFigure: ReadonlySignal<FigureId> = figure;
/** The region whose figures are open (a region code), or null. */
export const selectedRegion: ReadonlySignal<string | null> = selected;

/** Colours the map by another figure. */
export function chooseFigure(id: FigureId): void {
  figure.value = id;
}

/** Opens (or with null, closes) a region's figures. */
export function selectRegion(code: string | null): void {
  selected.value = code;
}

/** The query string of `filters`. */
export function toReportQuery(filters: NationalFilters): string {
  const params = new URLSearchParams({ year: String(filters.year) });
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.entityType) params.set('entityType', filters.entityType);
  if (filters.governmentLevel) params.set('governmentLevel', filters.governmentLevel);
  return params.toString();
}

/** Shows the saved report (offline too), then asks the server for fresh figures. */
export async function openNationalReport(filters: NationalFilters): Promise<void> {
  const { user } = getDatabases();
  const saved = await readSavedNationalReport(user).catch(() => undefined);
  if (saved && report.value === null) report.value = saved;
  await refreshNationalReport(filters);
}

/** Asks the server for the report of `filters`; on success shows it and keeps it on the device. */
export async function refreshNationalReport(filters: NationalFilters): Promise<void> {
  status.value = { kind: 'loading' };
  const answer = await requestJson<NationalReport>(`/api/reports/national?${toReportQuery(filters)}`);
  if (!answer.ok) {
    status.value = answer.status === 0 ? { kind: 'offline' } : { kind: 'failed', message: answer.message, status: answer.status };
    return;
  }
  report.value = answer.body;
  status.value = { kind: 'idle' };
  // Kept for the next offline visit; a full storage only loses that, not what is on screen.
  await saveNationalReport(getDatabases().user, answer.body).catch(() => undefined);
}
