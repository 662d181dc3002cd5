import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatRange, formatTime, nameMonth } from '../../../src/shared/calendar/lima-dates';
import { t } from '../../../src/shared/i18n';
import '../../../src/shared/i18n/checklists';

// The spaces inside «9:00 a. m.» never break; the tests write them as they are.
const at = (text: string) => text.replace(/(\d) ([ap])\. m\./g, '$1\u00a0$2.\u00a0m.');

describe('dates and times as a person in Peru reads them', () => {
  it.each([
    ['2027-01-28T14:00:00Z', 'jueves 28 de enero de 2027, 9:00 a. m.'],
    ['2027-01-28T21:00:00.000Z', 'jueves 28 de enero de 2027, 4:00 p. m.'],
    ['2026-11-29T17:30:00Z', 'domingo 29 de noviembre de 2026, 12:30 p. m.'],
    ['2026-12-06T05:00:00Z', 'domingo 6 de diciembre de 2026, 12:00 a. m.'],
    ['2027-01-01T04:59:00Z', 'jueves 31 de diciembre de 2026, 11:59 p. m.'],
    ['2027-01-01T05:00:00Z', 'viernes 1 de enero de 2027, 12:00 a. m.'],
    ['2027-03-05T23:05:00-05:00', 'viernes 5 de marzo de 2027, 11:05 p. m.'],
    ['2026-09-16T12:00:00Z', 'miércoles 16 de septiembre de 2026, 7:00 a. m.'],
    ['2026-08-01T16:00:00Z', 'sábado 1 de agosto de 2026, 11:00 a. m.'],
    ['no es una fecha', 'no es una fecha'],
  ])('%s reads «%s»', (iso, words) => {
    expect(formatDateTime(iso)).toBe(at(words));
  });

  it.each([
    ['one day', '2027-01-28T14:00:00Z', '2027-01-28T21:00:00Z', 'jueves 28 de enero de 2027, 9:00 a. m. – 4:00 p. m.'],
    ['two days', '2027-01-28T14:00:00Z', '2027-01-29T21:00:00Z', 'jueves 28 de enero de 2027, 9:00 a. m. – viernes 29 de enero de 2027, 4:00 p. m.'],
    ['an evening that ends after midnight in Lima', '2026-12-20T21:00:00Z', '2026-12-21T06:00:00Z', 'domingo 20 de diciembre de 2026, 4:00 p. m. – lunes 21 de diciembre de 2026, 1:00 a. m.'],
    ['a UTC day that is still the same day in Lima', '2026-12-20T21:00:00Z', '2026-12-21T03:00:00Z', 'domingo 20 de diciembre de 2026, 4:00 p. m. – 10:00 p. m.'],
    ['a broken end', '2027-01-28T14:00:00Z', '', '2027-01-28T14:00:00Z – '],
  ])('a range over %s', (_, start, end, words) => {
    expect(formatRange(start, end)).toBe(at(words));
  });

  it.each([
    ['2026-12-07', 'lunes 7 de diciembre de 2026'],
    ['2028-02-29', 'martes 29 de febrero de 2028'],
    ['2026-13-01', '2026-13-01'],
    ['7/12/2026', '7/12/2026'],
  ])('the calendar day %s reads «%s»', (day, words) => {
    expect(formatDay(day)).toBe(words);
  });

  it('names a month of the report as a table heads it, and leaves anything else as it was', () => {
    expect(['2026-01', '2026-09', '2026-12'].map(nameMonth)).toEqual(['Enero', 'Septiembre', 'Diciembre']);
    expect(['2026-13', 'marzo', ''].map(nameMonth)).toEqual(['2026-13', 'marzo', '']);
  });

  it('an instant gives its day and its time in Lima apart', () => {
    expect(formatDate('2027-01-01T04:59:00Z')).toBe('jueves 31 de diciembre de 2026');
    expect(formatTime('2027-01-01T04:59:00Z')).toBe(at('11:59 p. m.'));
  });

  it('a sentence that ends with a time has one period, never «p. m..»', () => {
    const sentence = t('checklists.changedHere', { when: formatDateTime('2026-12-10T20:00:00Z') });
    expect(sentence).toBe(at('Modificado en este teléfono el jueves 10 de diciembre de 2026, 3:00 p. m.'));
    expect(t('checklists.changedHere', { when: 'hoy' })).toBe('Modificado en este teléfono el hoy.');
  });
});
