import { describe, expect, it } from 'vitest';
import type { ChangeNames } from '../../../src/state/change-names-model';
import { describeChange } from '../../../src/ui/sync/describe-change';

const NAMES: ChangeNames = {
  event: (id) => (id === 'ev1' ? 'Feria del libro' : undefined),
  eventOfRun: (runId) => (runId === 'run1' ? 'Feria del libro' : undefined),
  workshop: (id) => (id === 'ws1' ? 'Aforo y seguridad' : undefined),
};

describe('how the sync screen words things (never a technical name)', () => {
  it.each([
    [{ name: 'event.save', args: { title: 'Feria del libro' } }, 'Un cambio en el evento «Feria del libro»'],
    [{ name: 'event.archive', args: { id: 'ev1' } }, 'Archivar el evento «Feria del libro»'],
    [{ name: 'event.archive', args: { id: 'x' } }, 'Archivar un evento'],
    [{ name: 'checklist.start', args: { eventId: 'ev1' } }, 'Empezar una lista de verificación del evento «Feria del libro»'],
    [{ name: 'checklist.setItem', args: { runId: 'run1' } }, 'Un cambio en un ítem de la lista del evento «Feria del libro»'],
    [{ name: 'checklist.setItem', args: {} }, 'Un cambio en un ítem de una lista de verificación'],
    [{ name: 'checklist.addItem', args: { text: 'Botiquín' } }, 'Agregar el ítem «Botiquín» a una lista'],
    [{ name: 'workshop.save', args: { title: 'Aforo y seguridad' } }, 'Un cambio en el taller «Aforo y seguridad»'],
    [{ name: 'attendance.register', args: { workshopId: 'ws1', person: { fullName: 'Teodora Ñaupa' } } }, 'La asistencia de Teodora Ñaupa al taller «Aforo y seguridad»'],
    [{ name: 'attendance.update', args: { id: 'a' } }, 'Una corrección en un registro de asistencia'],
    [{ name: 'attendance.remove', args: { id: 'a' } }, 'Quitar un registro de asistencia'],
    [{ name: 'attendance.export', args: {} }, 'La constancia de una descarga de la asistencia (CSV)'],
    [{ name: 'feedback.submit', args: { workshopId: 'ws1' } }, 'Una opinión sobre el taller «Aforo y seguridad»'],
    [{ name: 'feedback.submit', args: { workshopId: 'zz', workshopCode: 'K7M2QP' } }, 'Una opinión sobre el taller «K7M2QP»'],
    [{ name: 'taller.nuevo', args: null }, 'Un cambio que esta versión de Tinkuy no reconoce; actualice la aplicación'],
  ])('%j reads “%s”', (change, words) => {
    const said = describeChange(change, NAMES);
    expect(said).toBe(words);
    expect(said).not.toMatch(/[a-z]+\.[a-zA-Z]+/); // no «feedback.submit»
  });
});
