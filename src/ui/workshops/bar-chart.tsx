import { t } from '../../shared/i18n/workshops';

/** One bar: a label and a number. */
export interface Bar {
  key: string;
  label: string;
  count: number;
}

/**
 * A horizontal SVG bar chart read at a glance, with the same figures in a table beside it
 * (the chart is hidden from screen readers; the table is what they read). Each bar carries its
 * number in words, so nothing depends on colour.
 */
export function BarChart({ title, bars, unit }: { title: string; bars: readonly Bar[]; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const rowHeight = 28;
  return (
    <figure class="ws-chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="ws-muted">{t('workshops.chart.empty')}</p>
      ) : (
        <div class="ws-chart__body">
          <svg class="ws-chart__svg" viewBox={`0 0 320 ${bars.length * rowHeight}`} aria-hidden="true" focusable="false">
            {bars.map((bar, i) => (
              <g key={bar.key} transform={`translate(0 ${i * rowHeight})`}>
                <text x="0" y="18" class="ws-chart__label">{bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label}</text>
                <rect x="130" y="5" height="18" width={Math.max(2, (bar.count / max) * 150)} class="ws-chart__bar" />
                <text x={136 + (bar.count / max) * 150} y="18" class="ws-chart__value">{bar.count}</text>
              </g>
            ))}
          </svg>
          <table class="ws-table">
            <thead><tr><th scope="col">{title}</th><th scope="col">{unit}</th><th scope="col">%</th></tr></thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}><th scope="row">{bar.label}</th><td>{bar.count}</td><td>{total ? Math.round((bar.count / total) * 100) : 0}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
