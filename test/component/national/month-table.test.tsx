/**
 * Panorama de la RED by month (#11): the report's months as a table (the screen switches to it
 * with «Tabla de cifras»; the e2e does that), twelve months by name and the total.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { REGIONS } from '../../../src/shared/places/regions';
import type { NationalReport, ReportFigures } from '../../../src/shared/schemas/national-report';
import { MonthTable } from '../../../src/ui/national/region-table';
import { t } from '../../../src/shared/i18n/national';

function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    people: 0, entities: 0, municipalities: 0, workshops: 0, hours: 0, feedback: { count: 0 },
    events: { planned: 0, held: 0 }, checklists: { items: 0, resolved: 0, overdue: 0 }, ...overrides,
  };
}

const report: NationalReport = {
  year: 2026, filters: {}, generatedAt: '2026-11-29T15:00:00.000Z', minOpinions: 5,
  regions: REGIONS.map((r) => ({ code: r.code, ...figures(), districts: 10, municipalityShare: 0 })),
  months: Array.from({ length: 12 }, (_, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    ...figures(i === 2 ? { people: 1234, workshops: 3, hours: 12, feedback: { count: 6, recommend: 8.5 }, events: { planned: 2, held: 1 } } : {}),
  })),
  total: { ...figures({ people: 1234, workshops: 3 }), districts: 1891, municipalityShare: 0.01 },
  topics: [],
};

afterEach(cleanup);

describe('the month table', () => {
  it('has a row for each month of the year, by name, and the total', () => {
    render(<MonthTable report={report} />);
    const table = screen.getByRole('table', { name: t('national.monthTable.caption', { year: '2026' }) });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 12 + 1);
    // Role queries over a whole table are slow in jsdom: the cells are read from the DOM.
    const cells = (row: Element) => [...row.children].map((cell) => cell.textContent);
    expect(cells(rows[3]!)).toEqual(['Marzo', '1,234', '0', '3', '12', '8.5', '2', '1', '—', '0']);
    expect(rows.slice(1, 13).map((row) => row.firstElementChild!.textContent)).toEqual([
      'Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre',
    ]);
    expect(cells(rows[13]!).slice(0, 4)).toEqual([t('national.total'), '1,234', '0', '3']);
    // No «share of the region's municipalities» by month: there is nothing to compare it with.
    expect(cells(rows[0]!)).not.toContain(t('national.figure.municipalityShare'));
  }, 30_000);
});
