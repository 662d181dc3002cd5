import type { NationalReport } from '../../shared/schemas/national-report';
import { nameMonth } from '../../shared/calendar/lima-dates';
import { regionName } from '../../shared/places/regions';
import { formatFigure, labelFigure, readFigure, type FigureId, type FigureSource } from '../../state/national-figures';
import { t } from '../../shared/i18n/national';

const REGION_COLUMNS: readonly FigureId[] = ['people', 'entities', 'municipalityShare', 'workshops', 'hours', 'recommend', 'eventsPlanned', 'eventsHeld', 'checklistProgress', 'overdue'];
// Months have no share of a region's municipalities to compare against.
const MONTH_COLUMNS = REGION_COLUMNS.filter((id) => id !== 'municipalityShare');

/** One table of figures: a row per group and the total (the total's share only in the region table). */
function FiguresTable({ name, caption, head, columns, rows, total }: {
  name: string; caption: string; head: string; columns: readonly FigureId[]; rows: Array<{ label: string; figures: FigureSource }>; total: FigureSource;
}) {
  const row = (label: string, figures: FigureSource, isTotal = false) => (
    <tr key={label} class={isTotal ? 'national-table__total' : undefined}>
      <th scope="row">{label}</th>
      {columns.map((id) => <td key={id}>{formatFigure(id, readFigure(id, figures))}</td>)}
    </tr>
  );
  return (
    <div class="national-table" role="region" aria-label={name} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((id) => <th key={id} scope="col">{labelFigure(id)}</th>)}
          </tr>
        </thead>
        <tbody>{rows.map(({ label, figures }) => row(label, figures))}</tbody>
        <tfoot>{row(t('national.total'), total, true)}</tfoot>
      </table>
    </div>
  );
}

/** The table of every region and the total: the accessible version of the map, and what prints. */
export function RegionTable({ report }: { report: NationalReport }) {
  return (
    <FiguresTable name={t('national.table')} caption={t('national.table.caption', { year: String(report.year) })} head={t('national.region')}
      columns={REGION_COLUMNS} rows={report.regions.map((region) => ({ label: regionName(region.code) ?? region.code, figures: region }))} total={report.total} />
  );
}

/** The year month by month (where a workshop or an event starts, Lima time), and the total. */
export function MonthTable({ report }: { report: NationalReport }) {
  const rows = report.months.map((month) => ({ label: nameMonth(month.month), figures: month }));
  return (
    <FiguresTable name={t('national.monthTable')} caption={t('national.monthTable.caption', { year: String(report.year) })} head={t('national.month')}
      columns={MONTH_COLUMNS} rows={rows} total={report.total} />
  );
}
