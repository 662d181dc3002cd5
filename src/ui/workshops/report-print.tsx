import type { LocalAttendance } from '../../state/attendance-model';
import type { FeedbackSummary } from '../../state/feedback-model';
import type { LocalWorkshop } from '../../state/workshop-model';
import { describeWorkshop, formatWorkshopSummaryCsv, nameWorkshopSummaryCsv } from '../../state/workshop-summary-model';
import { downloadBlob } from '../shell/download';
import { t } from '../../shared/i18n/workshops';

/** The head of the «Informe del taller»: title on paper, dates, training hours, facilitators. */
export function ReportFacts({ workshop }: { workshop: LocalWorkshop }) {
  const facts = describeWorkshop(workshop);
  return (
    <div class="ws-report-facts">
      <p class="ws-report-facts__print-title">{t('summary.printTitle')}: {workshop.title}</p>
      <p>{t('summary.when', { starts: facts.starts, ends: facts.ends })}</p>
      <p>{t('summary.hoursValue', { hours: facts.hours })}</p>
      {facts.facilitators.length > 0 && <p>{t('summary.facilitators')}: {facts.facilitators.join(', ')}</p>}
    </div>
  );
}

/** Print on A4 and the figures as CSV (no personal data: counts, averages and comments as given). */
export function ReportPrintActions({ workshop, roster, summary }: { workshop: LocalWorkshop; roster: readonly LocalAttendance[]; summary: FeedbackSummary }) {
  const downloadFigures = () =>
    downloadBlob(new Blob([formatWorkshopSummaryCsv(workshop, roster, summary)], { type: 'text/csv;charset=utf-8' }), nameWorkshopSummaryCsv(workshop.code));
  return (
    <div class="ws-report-actions">
      <button type="button" class="button button--secondary" onClick={() => window.print()}>{t('summary.print')}</button>
      <button type="button" class="button button--secondary" onClick={downloadFigures}>{t('summary.csv')}</button>
      <p class="ws-muted">{t('summary.csvHint')}</p>
    </div>
  );
}
