import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { setTransport } from '../../../src/sync/transport';
import { json, scriptTransport, useFormDevice } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, seedTemplates } from './fixtures';

// The machine is shared: give IndexedDB round trips time before calling a screen broken.
configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useFormDevice((device) => {
  dbs = device;
  window.scrollTo = () => undefined;
});

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><EventsScreen /></LocationProvider>);
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function fillValidEvent() {
  type('Título', 'Festival del Maíz');
  fireEvent.change(screen.getByLabelText('Tipo de evento'), { target: { value: 'festival' } });
  const [startDate, endDate] = screen.getAllByLabelText('Fecha');
  const [startTime, endTime] = screen.getAllByLabelText('Hora');
  fireEvent.input(startDate!, { target: { value: '2026-12-12' } });
  fireEvent.input(startTime!, { target: { value: '19:30' } });
  fireEvent.input(endDate!, { target: { value: '2026-12-12' } });
  fireEvent.input(endTime!, { target: { value: '23:00' } });
  type('Local o espacio', 'Plaza de Armas');
  fireEvent.change(screen.getByLabelText('Región'), { target: { value: '05' } });
  fireEvent.change(screen.getByLabelText('Provincia'), { target: { value: '0501' } });
  type('Público esperado (personas)', '1500');
  fireEvent.click(screen.getByLabelText('Al aire libre'));
  fireEvent.click(screen.getByLabelText('Música en vivo'));
}

describe('Nuevo evento', () => {
  it('refuses an empty form with a Spanish error next to each field and saves nothing', async () => {
    openAt('/eventos/nuevo');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Revise los campos marcados.');
    expect(screen.getByText('El título es obligatorio.')).toBeTruthy();
    expect(screen.getByText('Elija el tipo de evento.')).toBeTruthy();
    expect(screen.getByText('Elija la región y la provincia (el distrito es opcional).')).toBeTruthy();
    expect(screen.getByLabelText('Título').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Título').getAttribute('aria-describedby')).toBe('event-title-error');
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('an event that ends before it starts gets the schema message on the end date', async () => {
    openAt('/eventos/nuevo');
    fillValidEvent();
    fireEvent.input(screen.getAllByLabelText('Hora')[1]!, { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    expect(await screen.findByText('El evento no puede terminar antes de empezar.')).toBeTruthy();
    expect(await dbs.user.events.count()).toBe(0);
  });

  it('keeps what was typed across a reload of the form (sessionStorage draft)', () => {
    const first = openAt('/eventos/nuevo');
    type('Título', 'Pasacalle de Carnaval');
    fireEvent.change(screen.getByLabelText('Región'), { target: { value: '08' } });
    first.unmount();
    openAt('/eventos/nuevo');
    expect((screen.getByLabelText('Título') as HTMLInputElement).value).toBe('Pasacalle de Carnaval');
    expect((screen.getByLabelText('Región') as HTMLSelectElement).value).toBe('08');
    expect(screen.getByRole('option', { name: 'Canchis' })).toBeTruthy();
  });

  it('without pulled districts, the province alone is a valid place', async () => {
    openAt('/eventos/nuevo');
    fillValidEvent();
    // No server here: the district fetch fails and says so.
    expect(await screen.findByRole('option', { name: 'Toda la provincia (distritos aún no descargados)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    await waitFor(async () => expect(await dbs.user.events.count()).toBe(1));
    const [saved] = await dbs.user.events.toArray();
    expect(saved).toMatchObject({ placeCode: '0501', title: 'Festival del Maíz', music: 'live', outdoors: true, expectedAudience: 1500 });
    // 19:30 in Lima is 00:30 UTC the next day.
    expect(saved!.startsAt).toBe('2026-12-13T00:30:00.000Z');
    expect((await dbs.user.outbox.toArray()).map((r) => r.name)).toEqual(['event.save']);
    expect(sessionStorage.length).toBe(0);
  });

  it('fetches the region’s districts the first time a province is chosen, then revalidates once per session', async () => {
    const { transport, seen } = scriptTransport((request) => (request.headers['if-none-match'] === '"d05-9-2"'
      ? new Response(null, { status: 304 })
      : json(200, { region: '05', districts: [['050101', 'Ayacucho'], ['050116', 'Andrés Avelino Cáceres Dorregaray']] }, { etag: '"d05-9-2"' })));
    setTransport(transport);
    try {
      const first = openAt('/eventos/nuevo');
      fillValidEvent();
      await screen.findByRole('option', { name: 'Andrés Avelino Cáceres Dorregaray' });
      expect(screen.getByRole('option', { name: 'Toda la provincia' })).toBeTruthy();
      expect(seen.map((r) => r.path)).toEqual(['/api/places/districts?region=05']);
      first.unmount();
      openAt('/eventos/nuevo');
      fireEvent.change(screen.getByLabelText('Región'), { target: { value: '05' } });
      fireEvent.change(screen.getByLabelText('Provincia'), { target: { value: '0501' } });
      await screen.findByRole('option', { name: 'Ayacucho' });
      expect(seen).toHaveLength(1); // checked once per session
      expect(await dbs.catalogue.places.where('level').equals('district').count()).toBe(2);
    } finally {
      setTransport(undefined);
    }
  });

  it('offers the districts once the catalogue has them', async () => {
    await dbs.catalogue.places.bulkPut([
      { id: 'district:050101', level: 'district', code: '050101', name: 'Ayacucho', parentCode: '0501', regionCode: '05' },
      { id: 'district:050102', level: 'district', code: '050102', name: 'Acocro', parentCode: '0501', regionCode: '05' },
    ]);
    openAt('/eventos/nuevo');
    fillValidEvent();
    await screen.findByRole('option', { name: 'Acocro' });
    fireEvent.change(screen.getByLabelText('Distrito'), { target: { value: '050102' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    await waitFor(async () => expect((await dbs.user.events.toArray())[0]?.placeCode).toBe('050102'));
  });

  it('?plantilla= starts that template for the new event', async () => {
    await seedTemplates(dbs);
    openAt(`/eventos/nuevo?plantilla=${MUSIC_TEMPLATE.id}`);
    fillValidEvent();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    await waitFor(async () => expect(await dbs.user.checklistRuns.count()).toBe(1));
    expect((await dbs.user.checklistRuns.toArray())[0]).toMatchObject({ templateId: MUSIC_TEMPLATE.id, templateVersion: 1 });
  });
});

describe('fixing a field', () => {
  it('removes that field’s error at once and keeps the others', async () => {
    openAt('/eventos/nuevo');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    await screen.findByText('El título es obligatorio.');
    type('Título', 'Feria del Libro');
    expect(screen.queryByText('El título es obligatorio.')).toBeNull();
    expect(screen.getByLabelText('Título').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Elija el tipo de evento.')).toBeTruthy();
  });
});

describe('Editar evento', () => {
  it('fills the form from the saved event in Lima time and saves only the edit', async () => {
    const { saveEvent } = await import('../../../src/state/event-model');
    const { makeEvent } = await import('../../unit/sync/device-fixture');
    const id = await saveEvent(makeEvent({ title: 'Danza de Tijeras', startsAt: '2026-08-01T01:00:00.000Z', endsAt: '2026-08-01T04:00:00.000Z', placeCode: '050101' }));
    openAt(`/eventos/${id}/editar`);
    await waitFor(() => expect((screen.getByLabelText('Título') as HTMLInputElement).value).toBe('Danza de Tijeras'));
    expect((screen.getAllByLabelText('Fecha')[0] as HTMLInputElement).value).toBe('2026-07-31');
    expect((screen.getAllByLabelText('Hora')[0] as HTMLInputElement).value).toBe('20:00');
    expect((screen.getByLabelText('Provincia') as HTMLSelectElement).value).toBe('0501');
    type('Local o espacio', 'Coliseo cerrado');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar evento' }));
    await waitFor(async () => expect((await dbs.user.events.get(id))?.venue).toBe('Coliseo cerrado'));
    expect((await dbs.user.events.get(id))).toMatchObject({ title: 'Danza de Tijeras', startsAt: '2026-08-01T01:00:00.000Z', placeCode: '050101' });
  });
});
