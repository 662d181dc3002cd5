import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { LocalAttendance } from '../../../src/state/attendance-model';
import { summariseFeedback, type FeedbackRow } from '../../../src/state/feedback-model';
import type { LocalWorkshop } from '../../../src/state/workshop-model';
import { countByEntityType, describeWorkshop, formatWorkshopSummaryCsv, nameWorkshopSummaryCsv } from '../../../src/state/workshop-summary-model';
import { makePerson } from '../../helpers/factories';
import { parseCsv } from '../../helpers/csv';

const workshop = {
  id: 'w', code: 'K7M2QP', title: 'Derechos de autor en eventos', topic: 'Derechos de autor', modality: 'presencial', placeCode: '050101',
  startsAt: '2027-01-11T14:00:00.000Z', endsAt: '2027-01-13T18:00:00.000Z', capacity: 40, facilitators: ['Rosa Huamán', 'DDC Ayacucho'], updatedAt: '',
} as LocalWorkshop;

const row = (fullName: string, overrides: Partial<LocalAttendance['person']> = {}): LocalAttendance => ({
  id: uuidv7(), workshopId: 'w', person: makePerson({ fullName, documentType: 'dni', documentNumber: '41234567', ...overrides }),
  consent: { given: true, textVersion: 'v1' }, recordedBy: null, recordedAt: '2027-01-11T14:05:00.000Z', mergedIds: [], updatedAt: '',
});

const roster = [
  row('Ñusta Huamán'),
  row('José Ccori', { regionCode: '08', entityType: 'gobierno-regional', entityName: 'Gobierno Regional de Cusco', governmentLevel: 'regional' }),
  row('Zoila Ríos', { entityType: 'ddc', entityName: 'DDC Ayacucho', governmentLevel: 'nacional' }),
];

const feedback: FeedbackRow[] = [9, 10, 6].map((recommend, i) => ({
  id: uuidv7(), workshopId: 'w', ratings: { contenido: 5, facilitacion: 4, utilidad: 5 - i, organizacion: 3 }, recommend,
  ...(i === 0 ? { comment: '=HYPERLINK("https://x")' } : {}),
}) as FeedbackRow);

describe('the workshop report (Informe del taller)', () => {
  it('counts attendance by entity type in the form\'s order, types with none left out', () => {
    expect(countByEntityType(roster).map((r) => [r.key, r.count])).toEqual([['ddc', 1], ['gobierno-regional', 1], ['municipalidad-distrital', 1]]);
  });

  it('reads three mornings of 9:00–13:00 as 12 hours, with its facilitators', () => {
    expect(describeWorkshop(workshop)).toMatchObject({ hours: 12, facilitators: ['Rosa Huamán', 'DDC Ayacucho'] });
  });

  it('writes the figures and the comments as CSV, with no name or document of anyone who attended', () => {
    const text = formatWorkshopSummaryCsv(workshop, roster, summariseFeedback(feedback));
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    const value = (item: string) => rows.find((r) => r[1] === item)?.[2];
    expect(rows[0]).toEqual(['Sección', 'Concepto', 'Valor']);
    expect(value('Horas de capacitación')).toBe('12');
    expect(value('Total de asistentes')).toBe('3');
    expect(value('Cusco')).toBe('1');
    expect(value('Opiniones recibidas')).toBe('3');
    expect(value('Promedio de Contenido (1 a 5)')).toBe('5');
    expect(rows.filter((r) => r[1] === 'Facilitador o facilitadora').map((r) => r[2])).toEqual(['Rosa Huamán', 'DDC Ayacucho']);
    // A comment is given as typed, but never as a formula.
    expect(rows.find((r) => r[0] === 'Comentarios')?.[2]).toBe('\'=HYPERLINK("https://x")');
    for (const secret of ['Ñusta', 'Ccori', 'Zoila', '41234567']) expect(text).not.toContain(secret);
    expect(nameWorkshopSummaryCsv(workshop.code)).toBe('informe-K7M2QP.csv');
  });
});
