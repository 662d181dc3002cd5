import { useSignal } from '@preact/signals';
import { exportAttendanceCsv, watchExports, watchRoster } from '../../state/attendance-model';
import { buildCsvFileName, countByLevel, countByRegion } from '../../state/attendance-report-model';
import { summariseFeedback, watchFeedback, watchFeedbackWaiting } from '../../state/feedback-model';
import { watchWorkshop } from '../../state/workshop-model';
import { canRunWorkshopHere } from '../../state/permission-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { BarChart } from './bar-chart';
import { ReportFacts, ReportPrintActions } from './report-print';
import { countByEntityType } from '../../state/workshop-summary-model';
import { Notice } from '../forms/notice';
import { AlertNote } from '../shell/alert-note';
import { downloadBlob } from '../shell/download';
import { useAction } from '../shell/use-action';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import { t, tn, type MessageKey } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

/**
 * The facilitador's view of a workshop («Informe del taller», printable on A4): dates, hours and
 * facilitators, attendance by region, entity type and level, feedback averages,
 * distributions, recommendation and comments — each chart with its table — and the CSV export.
 * All read from the device, so it works offline with what the last sync brought.
 */
export function WorkshopReport({ workshopId }: { workshopId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  const roster = watchRoster(workshopId).value;
  const feedback = watchFeedback(workshopId).value;
  const waiting = watchFeedbackWaiting(workshopId).value;
  const exports = watchExports(workshopId).value;
  const summary = summariseFeedback(feedback);
  const exported = useSignal('');
  const feedbackExported = useSignal('');
  const exporting = useAction(t('workshops.form.failed'));

  function handleExport() {
    return exporting.run(async () => {
      downloadBlob(await exportAttendanceCsv(workshopId, roster), buildCsvFileName(workshop?.code ?? 'taller'));
      exported.value = tn('report.exported', roster.length);
    });
  }

  function handleFeedbackExport() {
    return exporting.run(async () => {
      const { buildFeedbackCsvFileName, makeFeedbackCsvBlob } = await import('../../state/feedback-csv-model');
      downloadBlob(makeFeedbackCsvBlob(feedback), buildFeedbackCsvFileName(workshop?.code ?? 'taller'));
      feedbackExported.value = tn('report.feedbackExported', feedback.length);
    });
  }

  return (
    <section class="screen workshops ws-report">
      <ScreenHeader title={t('report.title')} back={{ href: `/talleres/${workshopId}`, label: t('workshops.back') }} />
      {workshop && <p class="ws-when">{workshop.title}</p>}
      {workshop && <ReportFacts workshop={workshop} />}
      {workshop && <ReportPrintActions workshop={workshop} roster={roster} summary={summary} />}
      <h2>{t('attendance.counts', { count: roster.length })}</h2>
      <BarChart title={t('report.byRegion')} bars={countByRegion(roster)} unit={t('report.people')} />
      <BarChart title={t('summary.byEntity')} bars={countByEntityType(roster)} unit={t('report.people')} />
      <BarChart title={t('report.byLevel')} bars={countByLevel(roster)} unit={t('report.people')} />
      {/* The attendance CSV holds personal data: its export is logged, and only for who leads the workshop. */}
      {canRunWorkshopHere(workshopId) && (
        <>
          <button type="button" class="button" onClick={() => void handleExport()}><Icon name="update" /><span>{t('report.csv')}</span></button>
          <p class="ws-muted">{t('report.csvHint')}</p>
        </>
      )}
      <Notice kind="done" text={exported.value} />
      {exporting.failure.value && <AlertNote>{exporting.failure.value}</AlertNote>}
      {exports.length > 0 && (
        <details class="ws-notice">
          <summary>{t('report.exportLog', { count: exports.length })}</summary>
          <ul>{exports.map((e) => <li key={e.at}>{formatDateTime(e.at)} · {tn('report.rows', e.rows)}</li>)}</ul>
        </details>
      )}
      <h2>{t('report.feedback', { count: summary.count })}</h2>
      {waiting > 0 && <p class="note"><Icon name="info" /><span><strong>{tn('report.feedbackWaiting', waiting)}</strong> {t('report.feedbackWaitingWhy')}</span></p>}
      {summary.count === 0 ? waiting === 0 && <p class="note"><Icon name="info" /><span>{t('report.noFeedback')}</span></p> : (
        <>
          <BarChart title={t('report.averages')} unit={t('report.average')} scale={{ kind: 'average', max: 5 }}
            bars={summary.dimensions.map((d) => ({ key: d.key, label: t(`feedback.dim.${d.key}` as MessageKey), count: d.average }))} />
          {summary.dimensions.map((d) => (
            <BarChart key={d.key} title={t('report.distribution', { dimension: t(`feedback.dim.${d.key}` as MessageKey) })} unit={t('report.answers')}
              bars={d.distribution.map((count, i) => ({ key: String(i + 1), label: t('report.stars', { n: i + 1 }), count }))} />
          ))}
          <h3>{t('report.nps', { nps: summary.nps })}</h3>
          <p>{t('report.npsExplain', { promoters: tn('report.promoters', summary.promoters), passives: tn('report.passives', summary.passives), detractors: tn('report.detractors', summary.detractors) })}</p>
          <BarChart title={t('report.recommend')} unit={t('report.answers')}
            bars={summary.recommend.map((count, score) => ({ key: String(score), label: String(score), count }))} />
          <h3>{t('report.comments')}</h3>
          {summary.comments.length === 0 ? <p class="ws-muted">{t('report.noComments')}</p> : <ul class="ws-quotes">{summary.comments.map((c, i) => <li key={i}>{c}</li>)}</ul>}
          <h3>{t('report.topics')}</h3>
          {summary.topics.length === 0 ? <p class="ws-muted">{t('report.noComments')}</p> : <ul>{summary.topics.map((c, i) => <li key={i}>{c}</li>)}</ul>}
          <button type="button" class="button button--secondary" onClick={() => void handleFeedbackExport()}><Icon name="update" /><span>{t('report.feedbackCsv')}</span></button>
          <p class="ws-muted">{t('report.feedbackCsvHint')}</p>
          <Notice kind="done" text={feedbackExported.value} />
        </>
      )}
    </section>
  );
}
