import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { NationalReport } from '../../shared/schemas/national-report';
import {
  chooseFigure, chosenFigure, nationalReport, nationalStatus, openNationalReport, refreshNationalReport, selectedRegion, selectRegion,
  type NationalFilters, type NationalStatus,
} from '../../state/national-model';
import { FIGURE_IDS, labelFigure, type FigureId } from '../../state/national-figures';
import { formatNationalCsv, nameNationalCsv } from '../../state/national-csv';
import { AlertNote } from '../shell/alert-note';
import { downloadBlob } from '../shell/download';
import { ScreenHeader } from '../shell/screen-header';
import { Choice, Field } from '../forms/field';
import { NationalFiltersForm } from './national-filters';
import { RegionDetail } from './region-detail';
import { RegionMap } from './region-map';
import { MonthTable, RegionTable } from './region-table';
import './national.css';
import { t } from '../../shared/i18n/national';

const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;

/** This year in Lima and the two before it: the years the RED has figures for. */
function listYears(nowMs = Date.now()): number[] {
  const year = new Date(nowMs - LIMA_OFFSET_MS).getUTCFullYear();
  return [year, year - 1, year - 2];
}

/**
 * Más → Panorama de la RED (coordinación): the year's figures by RED region on a tile map and
 * in a table, a region's figures on a tap, CSV and A4 print. The last report opens offline with
 * its date; the server refuses anyone but coordinación, and the screen says so.
 */
export function NationalScreen() {
  const filters = useSignal<NationalFilters>({ year: listYears()[0]! });
  useEffect(() => void openNationalReport(filters.value), []);
  const change = (next: NationalFilters) => {
    filters.value = next;
    void refreshNationalReport(next);
  };
  const report = nationalReport.value;
  return (
    <section class="screen national">
      <ScreenHeader title={t('national.title')} backToMore />
      <p class="national__intro">{t('national.intro')}</p>
      <NationalFiltersForm filters={filters.value} years={listYears()} topics={report?.topics ?? []} onChange={change} />
      <StatusLine status={nationalStatus.value} hasReport={report !== null} />
      {report && <ReportView report={report} />}
    </section>
  );
}

function StatusLine({ status, hasReport }: { status: NationalStatus; hasReport: boolean }) {
  if (status.kind === 'loading') return <p class="note note--pending" role="status">{t('national.loading')}</p>;
  if (status.kind === 'offline') return <AlertNote icon="offline">{hasReport ? t('national.savedOffline') : t('national.noneOffline')}</AlertNote>;
  if (status.kind === 'failed') return <AlertNote>{t('national.failed', { message: status.message })}</AlertNote>;
  return null;
}

function ReportView({ report }: { report: NationalReport }) {
  const byMonth = useSignal(false);
  const figure = chosenFigure.value;
  const selected = selectedRegion.value;
  return (
    <>
      <p class="national__as-of"><strong>{t('national.asOf', { when: formatDateTime(report.generatedAt) })}</strong></p>
      <h2 class="national__print-title">{t('national.print.title', { year: String(report.year) })}</h2>
      <div class="national__actions">
        <button type="button" class="button button--secondary" onClick={() => downloadBlob(new Blob([formatNationalCsv(report)], { type: 'text/csv;charset=utf-8' }), nameNationalCsv(report))}>
          {t('national.csv')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>{t('national.print')}</button>
      </div>
      <div class="form-controls">
        <Field id="national-figure" label={t('national.figure')}>
          <select id="national-figure" value={figure} onChange={(e) => chooseFigure(e.currentTarget.value as FigureId)}>
            {FIGURE_IDS.map((id) => <option key={id} value={id}>{labelFigure(id)}</option>)}
          </select>
        </Field>
      </div>
      <div class="national__body">
        <div class="national__map-side">
          <RegionMap report={report} figure={figure} selected={selected} onSelect={(code) => selectRegion(code === selected ? null : code)} />
          {selected && <RegionDetail report={report} code={selected} onClose={() => selectRegion(null)} />}
        </div>
        <div class="national__table-side">
          <Choice id="national-view" legend={t('national.view')} value={byMonth.value ? 'month' : 'region'}
            options={[['region', t('national.view.region')], ['month', t('national.view.month')]]} onPick={(view) => (byMonth.value = view === 'month')} />
          {byMonth.value ? <MonthTable report={report} /> : <RegionTable report={report} />}
          <p class="form-hint">{t(byMonth.value ? 'national.monthNote' : 'national.unplaced')}</p>
        </div>
      </div>
    </>
  );
}
