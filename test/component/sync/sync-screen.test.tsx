import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Databases } from '../../../src/db/connection';
import { setTransport } from '../../../src/sync/transport';
import { startSync } from '../../../src/state/sync-model';
import { SyncScreen } from '../../../src/ui/sync/sync-screen';
import { acceptAll, emptyPage, json, queueEvents, scriptTransport, signIn } from '../../unit/sync/device-fixture';
import { useSyncingDevice } from '../../unit/sync/syncing-device';

let dbs: Databases;
useSyncingDevice(() => Date.parse('2026-11-29T17:30:00Z'), (device) => void (dbs = device));

describe('Más → Sincronización over the real models', () => {
  it('shows the waiting changes, sends them on “Sincronizar ahora” and then reads up to date in Lima time', async () => {
    await signIn(dbs);
    let online = false;
    const { transport } = scriptTransport((r) => {
      if (!online) throw new TypeError('Failed to fetch');
      return r.path === '/api/sync/push' ? acceptAll(r) : emptyPage();
    });
    setTransport(transport);
    await queueEvents(dbs, 2);
    startSync();
    render(<SyncScreen />);
    await screen.findByText('2 cambios guardados en este teléfono, por enviar.');
    await screen.findByText('Sin conexión');
    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'Sincronizar ahora' }));
    await screen.findByText('Todo lo guardado ya se envió.');
    await screen.findByText('Al día');
    expect(screen.getByText('Última sincronización: domingo 29 de noviembre de 2026, 12:30 p. m.')).toBeTruthy();
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('a change the server refused appears under “Requiere atención” and “Reintentar” sends it again', async () => {
    await signIn(dbs);
    let refuse = true;
    const { transport } = scriptTransport((r) => {
      if (r.path !== '/api/sync/push') return emptyPage();
      const seqs = (r.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq);
      return json(200, { lastSeq: seqs.at(-1), rejected: refuse ? [{ seq: seqs[0], code: 'not_owner', message: 'Este registro pertenece a otra persona.' }] : [] });
    });
    setTransport(transport);
    await queueEvents(dbs, 1);
    startSync();
    render(<SyncScreen />);
    await screen.findByText('Un cambio en el evento «Evento 1»');
    expect(screen.getByText('Motivo: Este registro pertenece a otra persona.')).toBeTruthy();
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reintentar' }));
    await screen.findByText('Ningún cambio requiere atención.');
    await waitFor(async () => expect(await dbs.user.outbox.count()).toBe(0));
  });
});
