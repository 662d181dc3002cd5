import { useSignal } from '@preact/signals';
import { exportAttendanceCsv, watchExports, watchRoster } from '../../state/attendance-model';
import { buildCsvFileName, countByLevel, countByRegion } from '../../state/attendance-report-model';
import { summariseFeedback, watchFeedback } from '../../state/feedback-model';
import { watchWorkshop } from '../../state/workshop-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { BarChart } from './bar-chart';
import { Notice } from '../forms/notice';
import { formatLimaShort } from './format';
import { tw, type WorkshopTextKey } from './workshops-text';

/**
 * The facilitador's view of a workshop: attendance by region and level, feedback averages,
 * distributions, recommendation and comments — each chart with its table — and the CSV export.
 * All read from the device, so it works offline with what the last sync brought.
 */
export function WorkshopReport({ workshopId }: { workshopId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  const roster = watchRoster(workshopId).value;
  const feedback = watchFeedback(workshopId).value;
  const exports = watchExports(workshopId).value;
  const summary = summariseFeedback(feedback);
  const exported = useSignal('');

  async function handleExport() {
    const blob = await exportAttendanceCsv(workshopId, roster);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = buildCsvFileName(workshop?.code ?? 'taller');
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    exported.value = tw('report.exported', { count: roster.length });
  }

  return (
    <section class="screen workshops">
      <a class="screen-header__back" href={`/talleres/${workshopId}`}><Icon name="back" /><span>{tw('workshops.back')}</span></a>
      <ScreenHeader title={tw('report.title')} />
      {workshop && <p class="ws-when">{workshop.title}</p>}
      <h2>{tw('attendance.counts', { count: roster.length })}</h2>
      <BarChart title={tw('report.byRegion')} bars={countByRegion(roster)} unit={tw('report.people')} />
      <BarChart title={tw('report.byLevel')} bars={countByLevel(roster)} unit={tw('report.people')} />
      <button type="button" class="button" onClick={() => void handleExport()}><Icon name="update" /><span>{tw('report.csv')}</span></button>
      <p class="ws-muted">{tw('report.csvHint')}</p>
      <Notice kind="done" text={exported.value} />
      {exports.length > 0 && (
        <details class="ws-notice">
          <summary>{tw('report.exportLog', { count: exports.length })}</summary>
          <ul>{exports.map((e) => <li key={e.at}>{formatLimaShort(e.at)} · {tw('report.rows', { count: e.rows })}</li>)}</ul>
        </details>
      )}
      <h2>{tw('report.feedback', { count: summary.count })}</h2>
      {summary.count === 0 ? <p class="note"><Icon name="info" /><span>{tw('report.noFeedback')}</span></p> : (
        <>
          <BarChart title={tw('report.averages')} unit={tw('report.average')}
            bars={summary.dimensions.map((d) => ({ key: d.key, label: tw(`feedback.dim.${d.key}` as WorkshopTextKey), count: d.average }))} />
          {summary.dimensions.map((d) => (
            <BarChart key={d.key} title={tw('report.distribution', { dimension: tw(`feedback.dim.${d.key}` as WorkshopTextKey) })} unit={tw('report.answers')}
              bars={d.distribution.map((count, i) => ({ key: String(i + 1), label: tw('report.stars', { n: i + 1 }), count }))} />
          ))}
          <h3>{tw('report.nps', { nps: summary.nps })}</h3>
          <p>{tw('report.npsExplain', { promoters: summary.promoters, passives: summary.passives, detractors: summary.detractors })}</p>
          <BarChart title={tw('report.recommend')} unit={tw('report.answers')}
            bars={summary.recommend.map((count, score) => ({ key: String(score), label: String(score), count }))} />
          <h3>{tw('report.comments')}</h3>
          {summary.comments.length === 0 ? <p class="ws-muted">{tw('report.noComments')}</p> : <ul class="ws-quotes">{summary.comments.map((c, i) => <li key={i}>{c}</li>)}</ul>}
          <h3>{tw('report.topics')}</h3>
          {summary.topics.length === 0 ? <p class="ws-muted">{tw('report.noComments')}</p> : <ul>{summary.topics.map((c, i) => <li key={i}>{c}</li>)}</ul>}
        </>
      )}
    </section>
  );
}
