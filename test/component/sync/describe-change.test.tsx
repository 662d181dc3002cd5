import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../src/ui/sync/describe-change';

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
});
