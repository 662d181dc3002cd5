import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { saveEvent } from '../../../src/state/event-model';
import { addTemplate } from '../../../src/state/event-checklists-model';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { makeEvent, signIn } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from '../events/fixtures';

// The machine is shared: give IndexedDB round trips time before calling a screen broken.
configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
// Today is Thursday 10 Dec 2026, 12:00 in Lima. The event is on Monday 14 Dec: "3 working days
// before" skips 8 and 9 Dec (holidays) and lands on Monday 7 Dec, already overdue.
const NOW = Date.parse('2026-12-10T17:00:00.000Z');
beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
useDeviceWithTemplates({ templates: [MUSIC_TEMPLATE], now: () => NOW, onDevice: (device) => (dbs = device) });
afterEach(() => void vi.useRealTimers());

async function openRun(music: 'recorded' | 'live') {
  const eventId = await saveEvent(makeEvent({ music, startsAt: '2026-12-14T20:00:00.000Z', endsAt: '2026-12-14T23:00:00.000Z' }));
  const runId = await addTemplate(eventId, MUSIC_TEMPLATE);
  history.replaceState(null, '', `/eventos/${eventId}/lista/${runId}`);
  // Inside a Router, as in the app: it waits for the lazy checklist chunk.
  render(<LocationProvider><Router><Route path="/eventos/*" component={EventsScreen} /><Route default component={EventsScreen} /></Router></LocationProvider>);
  await screen.findByRole('heading', { level: 1, name: MUSIC_TEMPLATE.title });
  return runId;
}

function itemOf(text: string) {
  return within(screen.getByRole('checkbox', { name: text }).closest('li')!);
}

describe('working a checklist', () => {
  it('hides an item that does not apply, says why, and shows it on request', async () => {
    await openRun('recorded');
    expect(screen.queryByRole('checkbox', { name: 'Pedir el repertorio a los músicos' })).toBeNull();
    expect(screen.getByText('Avance total: 0 de 2 · 0 %')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar 1 ítem que no aplica' }));
    expect(itemOf('Pedir el repertorio a los músicos').getByText('No aplica: el evento no tiene música en vivo')).toBeTruthy();
  });

  it('computes due dates in working days around holidays and marks overdue items with a word', async () => {
    await openRun('live');
    const licence = itemOf('Solicitar la licencia de comunicación pública');
    // 14 Dec (Mon) − 3 working days: 11 Fri, 10 Thu, (9 and 8 holidays), 7 Mon.
    expect(licence.getByText('Fecha límite: lunes 7 de diciembre de 2026')).toBeTruthy();
    expect(licence.queryByText('Vencido')).toBeTruthy();
    const after = itemOf('Anotar las obras tocadas');
    expect(after.getByText('Fecha límite: martes 15 de diciembre de 2026')).toBeTruthy();
    expect(after.queryByText('Vencido')).toBeNull();
  });

  it('a tick is saved on the device with its mutation, and progress follows', async () => {
    const runId = await openRun('live');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Solicitar la licencia de comunicación pública' }));
    await screen.findByText('Avance total: 1 de 3 · 33 %');
    expect(itemOf('Solicitar la licencia de comunicación pública').getByText('Hecho')).toBeTruthy();
    expect(itemOf('Solicitar la licencia de comunicación pública').queryByText('Vencido')).toBeNull();
    expect((await dbs.user.checklistItems.get([runId, 'md-licencia']))?.state).toEqual({ done: true, notApplicable: false });
    expect((await dbs.user.outbox.toArray()).map((r) => r.name).at(-1)).toBe('checklist.setItem');
  });

  it('details: not applicable with a reason, a note, a responsible, a due date override, and who changed it', async () => {
    const runId = await openRun('live');
    fireEvent.click(itemOf('Anotar las obras tocadas').getByRole('button', { name: /Detalles/ }));
    const item = itemOf('Anotar las obras tocadas');
    fireEvent.change(item.getByLabelText('Nota'), { target: { value: 'Lo hace el sonidista' } });
    fireEvent.change(item.getByLabelText('Responsable'), { target: { value: 'Julio Huamán' } });
    fireEvent.change(item.getByLabelText('Fecha límite'), { target: { value: '2026-12-18' } });
    await waitFor(async () => expect((await dbs.user.checklistItems.get([runId, 'md-registro']))?.state).toEqual({
      note: 'Lo hace el sonidista', responsible: 'Julio Huamán', dueDate: '2026-12-18',
    }));
    await screen.findByText('Responsable: Julio Huamán');
    expect(itemOf('Anotar las obras tocadas').getByText(/Modificado en este teléfono el jueves 10 de diciembre de 2026/)).toBeTruthy();
    await signIn(dbs, { user: { id: 'u1', email: 'ana@cultura.gob.pe', name: 'Ana Quispe', roles: ['gestor'] } });
    fireEvent.change(itemOf('Anotar las obras tocadas').getByLabelText('Nota'), { target: { value: 'Lo hace Julio' } });
    await screen.findByText(/Modificado por Ana Quispe en este teléfono el jueves 10 de diciembre de 2026/);
    fireEvent.click(itemOf('Anotar las obras tocadas').getByRole('button', { name: 'Usar la fecha calculada' }));
    await waitFor(async () => expect((await dbs.user.checklistItems.get([runId, 'md-registro']))?.state.dueDate).toBeNull());
    fireEvent.click(itemOf('Anotar las obras tocadas').getByLabelText('No aplica a este evento'));
    fireEvent.change(itemOf('Anotar las obras tocadas').getByLabelText('Motivo (si no aplica)'), { target: { value: 'Solo música grabada al final' } });
    await screen.findByText('No aplica: Solo música grabada al final');
  });

  it('an item is «Hecho» or «No aplica», never both: each choice clears the other', async () => {
    const runId = await openRun('live');
    const text = 'Solicitar la licencia de comunicación pública';
    fireEvent.click(screen.getByRole('checkbox', { name: text }));
    await screen.findByText('Avance total: 1 de 3 · 33 %');
    fireEvent.click(itemOf(text).getByRole('button', { name: /Detalles/ }));
    fireEvent.click(itemOf(text).getByLabelText('No aplica a este evento'));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: text }) as HTMLInputElement).checked).toBe(false));
    expect(itemOf(text).queryByText('Hecho')).toBeNull();
    expect(itemOf(text).getByText('No aplica')).toBeTruthy();
    expect((await dbs.user.checklistItems.get([runId, 'md-licencia']))?.state).toEqual({ done: false, notApplicable: true });
    fireEvent.click(screen.getByRole('checkbox', { name: text }));
    await waitFor(() => expect((itemOf(text).getByLabelText('No aplica a este evento') as HTMLInputElement).checked).toBe(false));
    expect(itemOf(text).getByText('Hecho')).toBeTruthy();
    expect(itemOf(text).queryByText('No aplica')).toBeNull();
    expect(screen.getByText('Avance total: 1 de 3 · 33 %')).toBeTruthy();
  });

  it('adds a custom item to a section; it counts in the progress', async () => {
    const runId = await openRun('live');
    fireEvent.change(screen.getByLabelText('Sección'), { target: { value: 'Licencias' } });
    fireEvent.input(screen.getByLabelText('Texto del ítem'), { target: { value: 'Llamar a APDAYC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar ítem' }));
    await screen.findByRole('checkbox', { name: 'Llamar a APDAYC' });
    expect(screen.getByText('Avance total: 0 de 4 · 0 %')).toBeTruthy();
    expect((await dbs.user.checklistRuns.get(runId))?.customItems.map((c) => c.section)).toEqual(['Licencias']);
  });

  it('an empty custom item is refused in Spanish', async () => {
    await openRun('live');
    fireEvent.click(screen.getByRole('button', { name: 'Agregar ítem' }));
    const error = await screen.findByText('El texto del ítem es obligatorio.');
    expect(error.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByLabelText('Texto del ítem').getAttribute('aria-invalid')).toBe('true');
  });
});
