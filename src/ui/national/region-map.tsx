import type { NationalReport } from '../../shared/schemas/national-report';
import { regionName } from '../../shared/places/regions';
import { describeSteps, formatFigure, labelFigure, maxOfRegions, readFigure, stepOf, type FigureId } from '../../state/national-figures';
import { TILES } from './tile-grid';
import { t } from '../../shared/i18n/national';

interface RegionMapProps {
  report: NationalReport;
  figure: FigureId;
  selected: string | null;
  onSelect: (code: string) => void;
}

/**
 * The map: one button per RED region on the tile grid, coloured by the figure's step and
 * showing the value itself (colour is never the only sign). A tap opens the region's figures.
 */
export function RegionMap({ report, figure, selected, onSelect }: RegionMapProps) {
  const max = maxOfRegions(figure, report);
  const byCode = new Map(report.regions.map((region) => [region.code, region]));
  return (
    <figure class="national-map">
      <figcaption class="national-map__caption">{t('national.map.hint')}</figcaption>
      <div class="national-map__grid" role="group" aria-label={t('national.map')}>
        {TILES.map((tile) => {
          const region = byCode.get(tile.code);
          const value = region ? readFigure(figure, region) : undefined;
          const name = regionName(tile.code) ?? tile.code;
          return (
            <button
              key={tile.code}
              type="button"
              class={`national-map__tile national-map__tile--${stepOf(value, max)}`}
              style={{ gridColumn: tile.column, gridRow: tile.row }}
              aria-pressed={selected === tile.code}
              aria-label={`${name}: ${formatFigure(figure, value)} (${labelFigure(figure)})`}
              onClick={() => onSelect(tile.code)}
            >
              <span class="national-map__short" aria-hidden="true">{tile.short}</span>
              <span class="national-map__value" aria-hidden="true">{formatFigure(figure, value)}</span>
            </button>
          );
        })}
      </div>
      <Legend figure={figure} max={max} />
    </figure>
  );
}

function Legend({ figure, max }: { figure: FigureId; max: number }) {
  return (
    <div class="national-legend">
      <p class="national-legend__title">{t('national.legend')}: {labelFigure(figure)}</p>
      <ul class="national-legend__steps">
        <li><span class="national-legend__swatch national-map__tile--0" />{t('national.legend.none')}</li>
        {max > 0 && describeSteps(max).map(([from, to], i) => (
          <li key={i}>
            <span class={`national-legend__swatch national-map__tile--${i + 1}`} />
            {formatFigure(figure, from)} – {formatFigure(figure, to)}
          </li>
        ))}
      </ul>
    </div>
  );
}
