/** Bench rows for the built client's weight (the same figures `npm test` checks). */
import { BUDGET, measureBundle } from '../budget/bundle-figures';
import { CLIENT_DIR } from '../helpers/e2e-server';
import type { BenchRow } from './bench-row';

const KIB = 1024;

/** Critical JS, the largest lazy chunk, the service worker and the requests in sequence. */
export async function measureBundleWeight(): Promise<BenchRow[]> {
  const figures = measureBundle(CLIENT_DIR);
  const largestLazy = [...figures.lazy].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  const rows: BenchRow[] = [
    {
      area: 'bundle',
      what: 'JavaScript before the first screen (gzip -9)',
      value: figures.criticalJsGzip / KIB,
      unit: 'KiB',
      budget: BUDGET.criticalJsGoalGzip / KIB,
      detail: figures.critical.filter((a) => a.url.endsWith('.js')).map((a) => `${a.url} ${(a.gzipBytes / KIB).toFixed(1)}`).join(', '),
    },
    { area: 'bundle', what: 'CSS before the first screen, inline or not (gzip -9)', value: figures.criticalCssGzip / KIB, unit: 'KiB', budget: null },
    { area: 'bundle', what: 'index.html with its CSS and Inicio drawn (gzip -9)', value: figures.html.gzipBytes / KIB, unit: 'KiB', budget: null },
    {
      area: 'bundle',
      what: `largest lazy chunk (gzip -9)${largestLazy ? `: ${largestLazy.url}` : ''}`,
      value: (largestLazy?.gzipBytes ?? 0) / KIB,
      unit: 'KiB',
      budget: BUDGET.lazyChunkGzip / KIB,
    },
    { area: 'bundle', what: 'requests in sequence before the first screen is drawn', value: figures.firstScreenRequests, unit: 'requests', budget: BUDGET.firstScreenRequests },
    { area: 'bundle', what: 'requests in sequence before the app’s code runs', value: figures.sequentialRequests, unit: 'requests', budget: BUDGET.sequentialRequests },
  ];
  if (figures.serviceWorker) {
    rows.push({ area: 'bundle', what: 'service worker sw.js (gzip -9)', value: figures.serviceWorker.gzipBytes / KIB, unit: 'KiB', budget: null });
  }
  return rows;
}
