import { describe, expect, it } from 'vitest';
import { describeChange, formatLimaDateTime } from '../../../src/ui/sync/describe-change';

describe('how the sync screen words things', () => {
  it.each([
    [{ name: 'event.save', args: { title: 'Feria del libro' } }, 'Guardar el evento «Feria del libro»'],
    [{ name: 'event.archive', args: { id: 'x' } }, 'Archivar un evento'],
    [{ name: 'checklist.start', args: {} }, 'Empezar una lista de verificación'],
    [{ name: 'checklist.setItem', args: {} }, 'Actualizar un ítem de una lista de verificación'],
    [{ name: 'checklist.addItem', args: { text: 'Botiquín' } }, 'Agregar el ítem «Botiquín» a una lista'],
    [{ name: 'taller.nuevo', args: null }, 'Un cambio (taller.nuevo)'],
  ])('%j reads “%s”', (change, words) => {
    expect(describeChange(change)).toBe(words);
  });

  it.each([
    ['2026-11-29T17:30:00.000Z', '29 de noviembre de 2026 a las 12:30 p. m.'],
    ['2027-01-01T04:59:00.000Z', '31 de diciembre de 2026 a las 11:59 p. m.'],
    ['no es una fecha', 'no es una fecha'],
  ])('shows %s in Lima time as “%s”', (iso, shown) => {
    expect(formatLimaDateTime(iso)).toBe(shown);
  });
});
