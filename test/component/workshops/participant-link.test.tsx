import { afterEach, describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { WorkshopDetail } from '../../../src/ui/workshops/workshop-detail';
import { useFormDevice } from '../../unit/sync/device-fixture';
import { seedWorkshop } from './workshop-fixture';
import type { WorkshopRow } from '../../../src/shared/schemas/workshop';

configure({ asyncUtilTimeout: 4000 });

let workshop: WorkshopRow;
useFormDevice(async (dbs) => {
  workshop = await seedWorkshop(dbs);
});

// jsdom has neither a clipboard nor a share sheet: each test gives the phone the one it has.
const nav = navigator as Navigator & { clipboard?: unknown; share?: unknown };
afterEach(() => {
  delete (nav as { clipboard?: unknown }).clipboard;
  delete (nav as { share?: unknown }).share;
});

async function open() {
  render(<LocationProvider><WorkshopDetail workshopId={workshop.id} /></LocationProvider>);
  await screen.findByRole('heading', { level: 1, name: workshop.title });
}

const link = () => `${location.origin}/t/${workshop.code}`;

describe('handing out the participant link', { timeout: 20_000 }, () => {
  it('offers WhatsApp first, with the workshop and its link in the message', async () => {
    await open();
    const whatsapp = screen.getByRole('link', { name: 'Enviar por WhatsApp' });
    const href = new URL(whatsapp.getAttribute('href')!);
    expect(href.origin + href.pathname).toBe('https://wa.me/');
    expect(href.searchParams.get('text')).toBe(`Registre su asistencia y dé su opinión sobre el taller «${workshop.title}»: ${link()}`);
    // No share sheet on this phone: no button that would do nothing.
    expect(screen.queryByRole('button', { name: 'Compartir el enlace' })).toBeNull();
  });

  it('copies the link and says so; without a clipboard it says how to copy by hand', async () => {
    const copied: string[] = [];
    Object.defineProperty(nav, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Copiar el enlace' }));
    expect((await screen.findByText(/Enlace copiado/)).getAttribute('role')).toBe('status');
    expect(copied).toEqual([link()]);
    delete (nav as { clipboard?: unknown }).clipboard;
    fireEvent.click(screen.getByRole('button', { name: 'Copiar el enlace' }));
    expect(await screen.findByText(/No se pudo copiar. Mantenga presionado el enlace/)).toBeTruthy();
  });

  it('uses the phone\'s share sheet where there is one, with the link', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(nav, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Compartir el enlace' }));
    await expect.poll(() => shared.length).toBe(1);
    expect(shared[0]).toMatchObject({ title: workshop.title, url: link() });
  });

  it('projects the QR over the whole screen with the code in letters; Escape closes it', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Proyectar el código QR' }));
    const projector = within(screen.getByRole('dialog', { name: 'Código QR del taller en pantalla completa' }));
    expect(await projector.findByRole('img', { name: `Código QR del enlace ${link()}` })).toBeTruthy();
    expect(projector.getByText(workshop.code)).toBeTruthy();
    expect(document.activeElement).toBe(projector.getByRole('button', { name: 'Cerrar' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
