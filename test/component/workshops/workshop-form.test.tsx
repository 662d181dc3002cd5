import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { WorkshopForm } from '../../../src/ui/workshops/workshop-form';
import { WorkshopDetail } from '../../../src/ui/workshops/workshop-detail';
import { WORKSHOP_CODE_ALPHABET } from '../../../src/shared/schemas/workshop';
import { useFormDevice } from '../../unit/sync/device-fixture';
import { seedWorkshop } from './workshop-fixture';

configure({ asyncUtilTimeout: 4000 });

let dbs: Databases;
useFormDevice((device) => void (dbs = device));

/** Types a title, its topic and 3 Dec 2026, 09:00 to 13:00 in Lima, as a facilitador does. */
function fillTitleAndTime(title: string): void {
  fireEvent.input(screen.getByLabelText('Título'), { target: { value: title } });
  fireEvent.input(screen.getByLabelText('Tema'), { target: { value: 'Públicos' } });
  const start = screen.getByRole('group', { name: 'Inicio (hora de Lima)' });
  fireEvent.input(within(start).getByLabelText('Fecha'), { target: { value: '2026-12-03' } });
  fireEvent.input(within(start).getByLabelText('Hora'), { target: { value: '09:00' } });
  const end = screen.getByRole('group', { name: 'Término (hora de Lima)' });
  fireEvent.input(within(end).getByLabelText('Hora'), { target: { value: '13:00' } });
}

describe('Nuevo taller and a workshop page', { timeout: 20_000 }, () => {
  it('a workshop saved offline is queued as workshop.save with a code made on the device and shows in the programme', async () => {
    history.replaceState(null, '', '/talleres/nuevo');
    render(<LocationProvider><WorkshopForm /></LocationProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar taller' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Revise los campos marcados.');
    expect(await dbs.user.outbox.count()).toBe(0);
    fillTitleAndTime('Derechos culturales y públicos');
    fireEvent.click(screen.getByLabelText('Híbrida'));
    fireEvent.change(screen.getByLabelText('Región'), { target: { value: '05' } });
    fireEvent.input(screen.getByLabelText('Enlace de la reunión virtual'), { target: { value: 'https://meet.example.org/red' } });
    fireEvent.input(screen.getByLabelText('Capacidad (personas)'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar taller' }));
    await waitFor(async () => expect(await dbs.user.outbox.count()).toBe(1), { timeout: 8000 });
    const [queued] = await dbs.user.outbox.toArray();
    const args = queued!.args as { code: string; startsAt: string; placeCode: string };
    expect(queued!.name).toBe('workshop.save');
    expect(args.code).toMatch(new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{6}$`));
    expect(args.startsAt).toBe('2026-12-03T14:00:00.000Z');
    expect(args.placeCode).toBe('05');
    await waitFor(async () => expect(await dbs.catalogue.workshops.where('code').equals(args.code).count()).toBe(1));
  });

  it('a double tap on «Guardar taller» on a slow phone queues one workshop, not two', async () => {
    history.replaceState(null, '', '/talleres/nuevo');
    render(<LocationProvider><WorkshopForm /></LocationProvider>);
    fillTitleAndTime('Públicos y territorio');
    fireEvent.click(screen.getByLabelText('Virtual'));
    fireEvent.input(screen.getByLabelText('Enlace de la reunión virtual'), { target: { value: 'https://meet.example.org/red' } });
    fireEvent.input(screen.getByLabelText('Capacidad (personas)'), { target: { value: '60' } });
    // Two submits before the first save resolves: the second must find the form busy.
    const form = screen.getByRole('button', { name: 'Guardar taller' }).closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(async () => expect(await dbs.catalogue.workshops.count()).toBe(1), { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await dbs.user.outbox.toArray()).map((row) => row.name)).toEqual(['workshop.save']);
    expect(await dbs.catalogue.workshops.count()).toBe(1);
  });

  it('shows the code and draws its QR code as an SVG image, offline', async () => {
    const workshop = await seedWorkshop(dbs);
    render(<LocationProvider><WorkshopDetail workshopId={workshop.id} /></LocationProvider>);
    expect(await screen.findByText(workshop.code)).toBeTruthy();
    const qr = await screen.findByRole('img', { name: new RegExp(`/t/${workshop.code}$`) });
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(500);
  });
});
