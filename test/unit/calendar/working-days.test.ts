import { describe, expect, it } from 'vitest';
import { computeEasterSunday, findHoliday, listHolidays } from '../../../src/shared/calendar/peru-holidays';
import { computeDueDate, isOverdue, isWorkingDay, subtractWorkingDays, toLimaDay } from '../../../src/shared/calendar/working-days';

describe('Easter Sunday', () => {
  it.each([
    [1818, '1818-03-22'],
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('in %i falls on %s', (year, day) => {
    expect(computeEasterSunday(year)).toBe(day);
  });
});

describe("Peru's national holidays", () => {
  it.each([
    ['2026-01-01', 'Año Nuevo'],
    ['2026-04-02', 'Jueves Santo'],
    ['2026-04-03', 'Viernes Santo'],
    ['2025-04-17', 'Jueves Santo'],
    ['2025-04-18', 'Viernes Santo'],
    ['2026-05-01', 'Día del Trabajo'],
    ['2026-06-07', 'Batalla de Arica y Día de la Bandera'],
    ['2026-06-29', 'San Pedro y San Pablo'],
    ['2026-07-23', 'Día de la Fuerza Aérea del Perú'],
    ['2026-07-28', 'Fiestas Patrias'],
    ['2026-07-29', 'Fiestas Patrias'],
    ['2026-08-06', 'Batalla de Junín'],
    ['2026-08-30', 'Santa Rosa de Lima'],
    ['2026-10-08', 'Combate de Angamos'],
    ['2026-11-01', 'Todos los Santos'],
    ['2026-12-08', 'Inmaculada Concepción'],
    ['2026-12-09', 'Batalla de Ayacucho'],
    ['2026-12-25', 'Navidad del Señor'],
  ])('%s is %s', (day, name) => {
    expect(findHoliday(day)).toBe(name);
  });

  it('2026 has 16 national holidays', () => {
    expect(listHolidays(2026).size).toBe(16);
  });

  it.each([
    ['2021-12-09', 'Batalla de Ayacucho before Ley 31381'],
    ['2021-08-06', 'Batalla de Junín before Ley 31530'],
    ['2023-06-07', '7 de junio before Ley 31788 took effect (published 15 Jun. 2023)'],
    ['2022-07-23', 'Fuerza Aérea before Ley 31822'],
    ['2026-07-27', 'an ordinary Monday'],
    ['2026-04-05', 'Easter Sunday itself (a Sunday, not a listed holiday)'],
  ])('%s is not a holiday: %s', (day) => {
    expect(findHoliday(day)).toBeUndefined();
  });

  it.each([
    ['2022-08-06', 'Batalla de Junín'],
    ['2022-12-09', 'Batalla de Ayacucho'],
    ['2023-07-23', 'Día de la Fuerza Aérea del Perú'],
    ['2024-06-07', 'Batalla de Arica y Día de la Bandera'],
  ])('%s is the first year of %s', (day, name) => {
    expect(findHoliday(day)).toBe(name);
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-27', true, 'a Friday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-10-08', false, 'Combate de Angamos, a Thursday'],
    ['2026-04-03', false, 'Viernes Santo'],
  ])('%s working: %s (%s)', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it.each([
    // [event day, working days before, due day, why]
    ['2026-11-30', 0, '2026-11-30', 'zero is the event day itself'],
    ['2026-11-30', 1, '2026-11-27', 'Monday minus one skips the weekend'],
    ['2026-11-30', 5, '2026-11-23', 'a whole working week'],
    ['2026-07-31', 1, '2026-07-30', 'the day before'],
    ['2026-07-31', 2, '2026-07-27', 'skips Fiestas Patrias 28 and 29'],
    ['2026-07-31', 3, '2026-07-24', 'then the Friday before'],
    ['2026-07-31', 4, '2026-07-22', 'skips the weekend and 23 de julio'],
    ['2026-04-06', 1, '2026-04-01', 'skips Easter weekend, Viernes and Jueves Santo'],
    ['2027-01-04', 1, '2026-12-31', 'crosses the year, skips Año Nuevo'],
    ['2026-12-11', 2, '2026-12-07', 'skips 8 and 9 de diciembre'],
    ['2026-12-11', 3, '2026-12-04', 'then the weekend too'],
    ['2026-12-24', -1, '2026-12-28', 'after the event: skips Navidad and the weekend'],
    ['2027-01-01', -1, '2027-01-04', 'after a holiday event: the next Monday'],
    ['2026-11-27', -2, '2026-12-01', 'two working days after a Friday'],
  ])('%s minus %i working days is %s (%s)', (day, offset, due) => {
    expect(subtractWorkingDays(day, offset)).toBe(due);
  });

  it('reads the event day in Lima, five hours behind UTC', () => {
    expect(toLimaDay('2026-08-01T03:00:00.000Z')).toBe('2026-07-31');
    expect(toLimaDay('2026-08-01T05:00:00.000Z')).toBe('2026-08-01');
    expect(computeDueDate('2026-08-01T03:00:00.000Z', 2)).toBe('2026-07-27');
  });

  it('an item is overdue only after its due day', () => {
    expect(isOverdue('2026-11-27', '2026-11-28')).toBe(true);
    expect(isOverdue('2026-11-27', '2026-11-27')).toBe(false);
  });
});
