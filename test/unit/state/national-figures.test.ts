import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../src/shared/places/regions';
import type { NationalReport, ReportFigures } from '../../../src/shared/schemas/national-report';
import { formatNationalCsv, nameNationalCsv } from '../../../src/state/national-csv';
import { formatFigure, maxOfRegions, readFigure, stepOf } from '../../../src/state/national-figures';
import { parseCsv } from '../../helpers/csv';

function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    people: 0, entities: 0, municipalities: 0, workshops: 0, hours: 0, feedback: { count: 0 },
    events: { planned: 0, held: 0 }, checklists: { items: 0, resolved: 0, overdue: 0 }, ...overrides,
  };
}

function makeReport(byRegion: Record<string, Partial<ReportFigures>> = {}): NationalReport {
  return {
    year: 2026, filters: {}, generatedAt: '2026-11-29T15:00:00.000Z', minOpinions: 5,
    regions: REGIONS.map((r) => ({ code: r.code, ...figures(byRegion[r.code]), districts: 10, municipalityShare: 0.5 })),
    months: [], total: { ...figures({ people: 12 }), districts: 1891, municipalityShare: 0.003 }, topics: [],
  };
}

describe('the national view figures', () => {
  it.each([
    { id: 'people', source: figures({ people: 1234 }), value: 1234, text: '1,234' },
    { id: 'hours', source: figures({ hours: 14.25 }), value: 14.25, text: '14.3' },
    { id: 'recommend', source: figures({ feedback: { count: 4 } }), value: undefined, text: '—' },
    { id: 'recommend', source: figures({ feedback: { count: 5, recommend: 8.6 } }), value: 8.6, text: '8.6' },
    { id: 'checklistProgress', source: figures(), value: undefined, text: '—' },
    { id: 'checklistProgress', source: figures({ checklists: { items: 4, resolved: 1, overdue: 1 } }), value: 25, text: '25 %' },
    { id: 'overdue', source: figures({ checklists: { items: 4, resolved: 1, overdue: 1 } }), value: 1, text: '1' },
    { id: 'eventsHeld', source: figures({ events: { planned: 3, held: 2 } }), value: 2, text: '2' },
  ] as const)('$id reads $value and is written «$text»', ({ id, source, value, text }) => {
    expect(readFigure(id, source)).toBe(value);
    expect(formatFigure(id, readFigure(id, source))).toBe(text);
  });

  it('reads the municipal share as a percentage', () => {
    expect(formatFigure('municipalityShare', readFigure('municipalityShare', { ...figures(), districts: 7, municipalityShare: 0.143 }))).toBe('14.3 %');
  });

  it.each([
    { value: undefined, max: 10, step: 0 },
    { value: 0, max: 10, step: 0 },
    { value: 0.1, max: 10, step: 1 },
    { value: 2, max: 10, step: 1 },
    { value: 2.1, max: 10, step: 2 },
    { value: 10, max: 10, step: 5 },
    { value: 3, max: 0, step: 0 },
  ])('a value of $value against a largest $max takes colour step $step', ({ value, max, step }) => {
    expect(stepOf(value, max)).toBe(step);
  });

  it('takes the largest value among the regions, not the total', () => {
    expect(maxOfRegions('people', makeReport({ '05': { people: 7 }, '1501': { people: 3 } }))).toBe(7);
  });

  it('writes one CSV line per RED region and one for the total, numbers bare', () => {
    const report = makeReport({ '05': { people: 7, feedback: { count: 5, contenido: 4.6, recommend: 8.6 } } });
    const text = formatNationalCsv(report);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1 + 26 + 1);
    expect(rows[0]!.slice(0, 3)).toEqual(['Código', 'Región', 'Personas capacitadas']);
    const ayacucho = rows.find((r) => r[0] === '05')!;
    expect(ayacucho.slice(1, 3)).toEqual(['Ayacucho', '7']);
    expect(ayacucho).toContain('8.6');
    expect(rows.at(-1)!.slice(1, 3)).toEqual(['Total de la RED', '12']);
    expect(nameNationalCsv(report)).toBe('panorama-red-2026.csv');
  });
});
