import { t } from '../../shared/i18n/workshops';

/** One bar: a label and a number. */
export interface Bar {
  key: string;
  label: string;
  count: number;
}

/** How a chart's numbers read: counts of people or answers (with their share), or averages on a scale. */
export type ChartScale = { kind: 'count' } | { kind: 'average'; max: number };

const ONE_DECIMAL = new Intl.NumberFormat('es-PE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A bar chart read at a glance, made of text and bars (labels wrap, never cut), with its table
 * folded beside it (details/summary) for whoever wants the exact figures. Counts show their share
 * in %; averages show one decimal against their scale, never a %. The bars are drawn as SVG
 * attributes (no inline style: the CSP forbids it) and hidden from screen readers, which read the text.
 */
export function BarChart({ title, bars, unit, scale = { kind: 'count' } }: { title: string; bars: readonly Bar[]; unit: string; scale?: ChartScale }) {
  const isAverage = scale.kind === 'average';
  const max = isAverage ? scale.max : Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const show = (n: number) => (isAverage ? ONE_DECIMAL.format(n) : String(n));
  return (
    <figure class="ws-chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="ws-muted">{t('workshops.chart.empty')}</p>
      ) : (
        <>
          <ul class="ws-bars">
            {bars.map((bar) => (
              <li key={bar.key} class="ws-bar">
                <span class="ws-bar__label">{bar.label}</span>
                <svg class="ws-bar__track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect width={bar.count > 0 ? Math.max(1, (bar.count / max) * 100) : 0} height="10" class="ws-chart__bar" />
                </svg>
                <span class="ws-bar__value">{isAverage ? t('workshops.chart.ofMax', { value: show(bar.count), max: scale.max }) : show(bar.count)}</span>
              </li>
            ))}
          </ul>
          <details class="ws-chart__data">
            <summary>{t('workshops.chart.table')}</summary>
            <table class="ws-table">
              <thead><tr><th scope="col">{title}</th><th scope="col">{unit}</th>{!isAverage && <th scope="col">%</th>}</tr></thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key}>
                    <th scope="row">{bar.label}</th><td>{show(bar.count)}</td>
                    {!isAverage && <td>{total ? Math.round((bar.count / total) * 100) : 0}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
