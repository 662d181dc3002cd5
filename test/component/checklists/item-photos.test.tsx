/**
 * Photos on a checklist item, as the screens show them (#13). Reducing a chosen file needs the
 * browser's decoder (Chromium: the end-to-end test); here the photo is attached as the model does
 * after reducing it, and the screens are checked: thumbnails with caption and state in words,
 * remove after a confirmation, pin, the print view and the Storage screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { recordMutation } from '../../../src/db/record-mutation';
import { saveEvent } from '../../../src/state/event-model';
import { addTemplate } from '../../../src/state/event-checklists-model';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { StorageScreen } from '../../../src/ui/more/storage-screen';
import { StoragePhotos } from '../../../src/ui/more/storage-photos';
import { uuidv7 } from '../../../src/shared/ids';
import { makeEvent } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from '../events/fixtures';

configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useDeviceWithTemplates({ templates: [MUSIC_TEMPLATE], onDevice: (device) => (dbs = device) });
beforeEach(() => {
  // jsdom has no object URLs; the image element is what is checked, not its pixels.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:foto', revokeObjectURL: () => undefined }));
});
afterEach(() => vi.unstubAllGlobals());

const ITEM = 'md-licencia';
const ITEM_TEXT = /Solicitar la licencia/;

async function attach(runId: string, caption?: string): Promise<string> {
  const photoId = uuidv7();
  const blob = new Blob([new Uint8Array(250_000)], { type: 'image/jpeg' });
  const thumb = new Blob([new Uint8Array(20_000)], { type: 'image/jpeg' });
  await recordMutation(dbs.user, 'checklist.attachPhoto', {
    runId, itemId: ITEM, photoId, sha256: 'a'.repeat(63) + String(Math.floor(Math.random() * 10)), width: 1600, height: 1200, bytes: blob.size,
    takenAt: '2026-11-28T20:42:07.000Z', ...(caption ? { caption } : {}),
  }, { blob, thumb });
  return photoId;
}

async function openAt(path: string) {
  history.replaceState(null, '', path);
  render(<LocationProvider><Router><Route path="/eventos/*" component={EventsScreen} /><Route default component={EventsScreen} /></Router></LocationProvider>);
}

async function planRun(): Promise<{ eventId: string; runId: string }> {
  const eventId = await saveEvent(makeEvent({ music: 'recorded' }));
  return { eventId, runId: await addTemplate(eventId, MUSIC_TEMPLATE) };
}

/** A run with one photo on its item, opened at the checklist with the item's details unfolded. */
async function openPhotoDetails() {
  const { eventId, runId } = await planRun();
  const photoId = await attach(runId);
  await openAt(`/eventos/${eventId}/lista/${runId}`);
  const item = within((await screen.findByRole('checkbox', { name: ITEM_TEXT })).closest('li')!);
  fireEvent.click(item.getByRole('button', { name: /Detalles/ }));
  return { photoId, item };
}

describe('photos on a checklist item', () => {
  it('shows each photo as a thumbnail with its caption and, in words, that it waits on this phone; the details offer «Agregar foto» for images, several at once', async () => {
    const { eventId, runId } = await planRun();
    await attach(runId, 'Licencia pegada en la puerta');
    await openAt(`/eventos/${eventId}/lista/${runId}`);
    const item = within((await screen.findByRole('checkbox', { name: ITEM_TEXT })).closest('li')!);
    const image = await item.findByRole('img', { name: 'Foto: Licencia pegada en la puerta' });
    expect(image.getAttribute('src')).toBe('blob:foto');
    expect(item.getByText('Guardada en este teléfono; se enviará después de los cambios de texto.')).toBeTruthy();
    expect(item.queryByText('Agregar foto')).toBeNull();
    fireEvent.click(item.getByRole('button', { name: /Detalles/ }));
    const input = item.getByLabelText('Agregar foto') as HTMLInputElement;
    expect([input.type, input.accept, input.multiple]).toEqual(['file', 'image/*', true]);
  });

  it('«Quitar foto» asks first, then the photo and its pending upload leave the phone', async () => {
    const { photoId, item } = await openPhotoDetails();
    fireEvent.click(await item.findByRole('button', { name: 'Quitar foto' }));
    const dialog = await item.findByRole('alertdialog');
    expect(await dbs.user.photos.count()).toBe(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quitar foto' }));
    await waitFor(async () => expect(await dbs.user.photos.get(photoId)).toBeUndefined());
    expect(await dbs.user.mediaUploads.count()).toBe(0);
    expect((await dbs.user.outbox.toArray()).map((row) => row.name)).toContain('checklist.removePhoto');
    await waitFor(() => expect(item.queryByRole('img')).toBeNull());
  });

  it('«Fijar en este teléfono» keeps the full image here after it reached the server', async () => {
    const { photoId, item } = await openPhotoDetails();
    const pin = await item.findByRole('checkbox', { name: 'Fijar en este teléfono' });
    expect(document.getElementById(pin.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Conserva la foto completa aquí aunque ya esté en el servidor.');
    fireEvent.click(pin);
    await waitFor(async () => expect((await dbs.user.photos.get(photoId))?.pinned).toBe(true));
  });

  it('a failing upload is shown as such, with «Reintentar envío»', async () => {
    const { eventId, runId } = await planRun();
    const photoId = await attach(runId);
    await dbs.user.mediaUploads.update(photoId, { attempts: 3, lastError: 'No hay conexión con el servidor.', nextAttemptAt: Date.now() + 60_000 });
    await openAt(`/eventos/${eventId}/lista/${runId}`);
    const item = within((await screen.findByRole('checkbox', { name: ITEM_TEXT })).closest('li')!);
    await item.findByText('No se pudo enviar todavía: No hay conexión con el servidor. Se volverá a intentar.');
    fireEvent.click(item.getByRole('button', { name: /Detalles/ }));
    fireEvent.click(await item.findByRole('button', { name: 'Reintentar envío' }));
    await waitFor(async () => expect((await dbs.user.mediaUploads.get(photoId))?.nextAttemptAt).toBe(0));
  });

  it('the print view and the event’s summary show the thumbnails', async () => {
    const { eventId, runId } = await planRun();
    await attach(runId, 'Licencia');
    await openAt(`/eventos/${eventId}/imprimir`);
    const thumb = await screen.findByRole('img', { name: 'Foto: Licencia' });
    // The item's photos are a list: held by a block, never inside a <span> (invalid HTML).
    expect(thumb.closest('ul')?.parentElement?.closest('span')).toBeNull();
  });

  it('the event screen shows «Fotos del evento» with each thumbnail', async () => {
    const { eventId, runId } = await planRun();
    await attach(runId);
    await attach(runId);
    await openAt(`/eventos/${eventId}`);
    await screen.findByRole('heading', { name: 'Fotos del evento (2)' });
    expect(await screen.findAllByRole('img', { name: /Foto del ítem «Solicitar la licencia/ })).toHaveLength(2);
  });

  it('the Storage screen says how much the photos take', async () => {
    const { runId } = await planRun();
    await attach(runId);
    render(<StorageScreen />);
    // 250,000 + 20,000 bytes (the image and its thumbnail) = 263.7 KB.
    await waitFor(() => expect(document.querySelector('.storage__photos')?.textContent).toBe('1 foto ocupa 263.7 KB en este teléfono.'), { timeout: 3000 });
  }, 15_000);

  it('the Storage screen warns from 80 % of the quota, and not before', async () => {
    const report = (usage: number) => ({ isSupported: true, usageBytes: usage, quotaBytes: 1000, isPersisted: true, canAskPersist: true });
    const { rerender } = render(<StoragePhotos report={report(790)} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<StoragePhotos report={report(850)} />);
    expect(screen.getByRole('alert').textContent).toContain('Queda poco espacio para Tinkuy (85 % usado).');
  });

  it('the Storage screen warns while a photo that exists only here sits in storage the browser may evict', async () => {
    const { runId } = await planRun();
    await attach(runId);
    render(<StoragePhotos report={{ isSupported: true, usageBytes: 10, quotaBytes: 1000, isPersisted: false, canAskPersist: true }} />);
    await screen.findByText(/^Hay 1 foto que aún no se envió y el almacenamiento no está protegido/);
  });
});
