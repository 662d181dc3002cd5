import type { NationalReport } from '../../shared/schemas/national-report';
import { regionName } from '../../shared/places/regions';
import { formatFigure, labelFigure, readFigure, type FigureId, type FigureSource } from '../../state/national-figures';
import { t } from '../../shared/i18n/national';

const COLUMNS: readonly FigureId[] = ['people', 'entities', 'municipalityShare', 'workshops', 'hours', 'recommend', 'eventsPlanned', 'eventsHeld', 'checklistProgress', 'overdue'];

/** The table of every region and the total: the accessible version of the map, and what prints. */
export function RegionTable({ report }: { report: NationalReport }) {
  const row = (label: string, figures: FigureSource, isTotal = false) => (
    <tr key={label} class={isTotal ? 'national-table__total' : undefined}>
      <th scope="row">{label}</th>
      {COLUMNS.map((id) => <td key={id}>{formatFigure(id, readFigure(id, figures))}</td>)}
    </tr>
  );
  return (
    <div class="national-table" role="region" aria-label={t('national.table')} tabIndex={0}>
      <table>
        <caption>{t('national.table.caption', { year: String(report.year) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national.region')}</th>
            {COLUMNS.map((id) => <th key={id} scope="col">{labelFigure(id)}</th>)}
          </tr>
        </thead>
        <tbody>{report.regions.map((region) => row(regionName(region.code) ?? region.code, region))}</tbody>
        <tfoot>{row(t('national.total'), report.total, true)}</tfoot>
      </table>
    </div>
  );
}
