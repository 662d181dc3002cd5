import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { saveEvent } from '../../../src/state/event-model';
import { setChecklistItem } from '../../../src/state/checklist-model';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { makeEvent } from '../../unit/sync/device-fixture';
import { useDeviceWithTemplates } from './fixtures';

// The machine is shared: give IndexedDB round trips time before calling a screen broken.
configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useDeviceWithTemplates({ onDevice: (device) => (dbs = device) });

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><EventsScreen /></LocationProvider>);
}

async function offerCard(title: string) {
  const heading = await screen.findByRole('heading', { level: 3, name: title });
  return within(heading.closest('li')!);
}

describe('an event’s page', () => {
  it('shows every answer of the event in words, the district named to the region', async () => {
    await dbs.catalogue.places.put({ id: 'district:210101', level: 'district', code: '210101', name: 'Puno', parentCode: '2101', regionCode: '21' });
    await dbs.catalogue.places.put({ id: 'district:210104', level: 'district', code: '210104', name: 'Chucuito', parentCode: '2101', regionCode: '21' });
    const id = await saveEvent(makeEvent({
      type: 'pasacalle', placeCode: '210104', venue: 'Jirón Lima', expectedAudience: 12000, outdoors: true, music: 'live',
      heritageSite: false, minors: true, fundingSource: 'Municipalidad Provincial de Puno',
    }));
    openAt(`/eventos/${id}`);
    const facts = await screen.findByText('Tipo de evento').then((dt) => dt.closest('dl')!);
    const read = () => [...facts.querySelectorAll('div')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);
    await waitFor(() => expect(read()).toContain('Ubicación: Chucuito, Puno'));
    expect(read()).toEqual([
      'Tipo de evento: Pasacalle',
      'Ubicación: Chucuito, Puno',
      'Local o espacio: Jirón Lima',
      'Público esperado: 12,000 personas',
      '¿Dónde se realiza?: Al aire libre',
      'Música: Música en vivo',
      'En un sitio del patrimonio cultural: No',
      'Participan menores de edad: Sí',
      'Fuente de financiamiento: Municipalidad Provincial de Puno',
    ]);
  }, 15_000); // the events chunk, then the event and the district from IndexedDB
});

describe('an event and its checklists', () => {
  it('proposes the music template and says why; the large-audience one is offered but not proposed', async () => {
    const id = await saveEvent(makeEvent({ music: 'recorded', expectedAudience: 300 }));
    openAt(`/eventos/${id}`);
    const music = await offerCard('Música y derechos de autor');
    expect(music.getByText('Propuesta. Porque hay música grabada.')).toBeTruthy();
    const safety = await offerCard('Seguridad y aforo');
    expect(safety.getByText('No se propone para este evento; puede agregarla igual.')).toBeTruthy();
  });

  it('a large audience proposes safety and capacity', async () => {
    const id = await saveEvent(makeEvent({ music: 'none', expectedAudience: 5000 }));
    openAt(`/eventos/${id}`);
    const safety = await offerCard('Seguridad y aforo');
    expect(safety.getByText('Propuesta. Porque se esperan 1000 personas o más.'.replace('1000', (1000).toLocaleString('es-PE')))).toBeTruthy();
  });

  it('adding a template starts its run and shows its progress; removing an untouched one needs no question', async () => {
    const id = await saveEvent(makeEvent({ music: 'live' }));
    openAt(`/eventos/${id}`);
    fireEvent.click((await offerCard('Música y derechos de autor')).getByRole('button', { name: /Agregar/ }));
    await screen.findByRole('link', { name: 'Música y derechos de autor' });
    expect(screen.getByText('0 de 3 · 0 %')).toBeTruthy();
    expect(await dbs.user.checklistRuns.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: /^Quitar/ }));
    await screen.findByText('Lista quitada del evento.');
    await screen.findByRole('heading', { level: 3, name: 'Música y derechos de autor' });
  });

  it('removing a started run asks first, and adding it again brings back its ticks', async () => {
    const id = await saveEvent(makeEvent({ music: 'live' }));
    openAt(`/eventos/${id}`);
    fireEvent.click((await offerCard('Música y derechos de autor')).getByRole('button', { name: /Agregar/ }));
    await screen.findByRole('link', { name: 'Música y derechos de autor' });
    const [run] = await dbs.user.checklistRuns.toArray();
    await setChecklistItem(run!.id, 'md-licencia', { done: true });
    await screen.findByText('1 de 3 · 33 %');
    fireEvent.click(screen.getByRole('button', { name: /^Quitar/ }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(screen.getByRole('link', { name: 'Música y derechos de autor' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Quitar/ }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Sí, quitar' }));
    fireEvent.click((await offerCard('Música y derechos de autor')).getByRole('button', { name: /Agregar/ }));
    await screen.findByText('1 de 3 · 33 %');
    expect(await dbs.user.checklistRuns.count()).toBe(1);
  });

  it('archiving asks for confirmation and then queues event.archive', async () => {
    const id = await saveEvent(makeEvent());
    openAt(`/eventos/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Archivar evento' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Sí, archivar' }));
    await waitFor(async () => expect((await dbs.user.events.get(id))?.archived).toBe(true));
    expect((await dbs.user.outbox.toArray()).map((r) => r.name)).toEqual(['event.save', 'event.archive']);
  });

  it('the list splits upcoming and past events and shows each one’s progress', async () => {
    await saveEvent(makeEvent({ title: 'Feria pasada', startsAt: '2020-02-02T15:00:00.000Z', endsAt: '2020-02-02T20:00:00.000Z' }));
    await saveEvent(makeEvent({ title: 'Festival próximo', startsAt: '2099-02-02T15:00:00.000Z', endsAt: '2099-02-02T20:00:00.000Z' }));
    openAt('/eventos');
    await screen.findByRole('link', { name: 'Festival próximo' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Próximos eventos', 'Eventos pasados']);
    const pastLink = screen.getByRole('link', { name: 'Feria pasada' });
    expect(pastLink.compareDocumentPosition(screen.getByRole('heading', { name: 'Eventos pasados' })) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(screen.getAllByText('Sin listas de verificación todavía.')).toHaveLength(2);
  });

  it('copies the checklists of a previous event: templates, custom items and responsibles, not ticks or notes', async () => {
    const oldId = await saveEvent(makeEvent({ title: 'Festival 2025' }));
    const newId = await saveEvent(makeEvent({ title: 'Festival 2026' }));
    const { addTemplate } = await import('../../../src/state/event-checklists-model');
    const { addChecklistItem } = await import('../../../src/state/checklist-model');
    const oldRun = await addTemplate(oldId, { id: 'musica-y-derechos', version: 1 });
    await setChecklistItem(oldRun, 'md-licencia', { done: true, note: 'Pagado', responsible: 'Rosa Mamani' });
    await addChecklistItem(oldRun, 'Licencias', 'Llamar a APDAYC');
    openAt(`/eventos/${newId}`);
    fireEvent.change(await screen.findByLabelText('Evento de origen'), { target: { value: oldId } });
    fireEvent.click(screen.getByRole('button', { name: 'Copiar listas' }));
    await screen.findByText('Listas copiadas: 1.', {}, { timeout: 5000 });
    const newRun = (await dbs.user.checklistRuns.where('eventId').equals(newId).toArray())[0]!;
    expect(newRun.customItems.map((c) => c.text)).toEqual(['Llamar a APDAYC']);
    expect((await dbs.user.checklistItems.get([newRun.id, 'md-licencia']))?.state).toEqual({ responsible: 'Rosa Mamani' });
  });
});

describe('adding every proposal at once', () => {
  it('one button starts every proposed template and leaves the others', async () => {
    const id = await saveEvent(makeEvent({ music: 'live', expectedAudience: 5000 }));
    openAt(`/eventos/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Agregar las 2 propuestas' }));
    await screen.findByText('Se agregaron las listas propuestas.', {}, { timeout: 5000 });
    await waitFor(async () => expect((await dbs.user.checklistRuns.toArray()).map((r) => r.templateId).sort()).toEqual(['musica-y-derechos', 'seguridad-aforo']));
  });
});
