/**
 * The participant's page says only what is true (issue 9): a refusal from the server is shown
 * where the person acted, never «Enviado al servidor», and a window already closed (or not open
 * yet) by the phone's clock offers no form at all.
 */
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { setTransport } from '../../../src/sync/transport';
import { startSync, syncNow } from '../../../src/state/sync-model';
import { ParticipantScreen } from '../../../src/ui/participant/participant-screen';
import { emptyPage, json, scriptTransport } from '../../unit/sync/device-fixture';
import { useSyncingDevice } from '../../unit/sync/syncing-device';
import { seedWorkshop } from '../workshops/workshop-fixture';

configure({ asyncUtilTimeout: 4000 });

let dbs: Databases;
useSyncingDevice(Date.now, (device) => void (dbs = device));

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><ParticipantScreen /></LocationProvider>);
}

function rate(group: string, value: string) {
  fireEvent.click(within(screen.getByRole('group', { name: group })).getByRole('radio', { name: new RegExp(`^${value}\\b`) }));
}

const CLOSED_REASON = 'El taller ya cerró su registro: la ventana terminó el martes 1 de diciembre de 2026, 6:00 p. m. (hora de Lima).';

/**
 * Starts sync against a server that refuses the first mutation of every push with `message`;
 * the phone is offline until the test sets `online`.
 */
function startRefusingServer(message: string): { online: boolean } {
  const network = { online: false };
  const { transport } = scriptTransport((r) => {
    if (!network.online) throw new TypeError('Failed to fetch');
    if (r.path !== '/api/sync/push') return emptyPage();
    const seqs = (r.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq);
    return json(200, { lastSeq: seqs.at(-1), rejected: [{ seq: seqs[0], code: 'forbidden', message }] });
  });
  setTransport(transport);
  startSync();
  return network;
}

describe('The participant page tells the truth', { timeout: 20_000 }, () => {
  it('a workshop whose window closed by this phone\'s clock offers no form, and says when it closed', async () => {
    const workshop = await seedWorkshop(dbs, { code: 'CERR4D', startsAt: '2026-11-28T14:00:00.000Z', endsAt: '2026-11-29T23:00:00.000Z' });
    openAt(`/t/${workshop.code}/opinion`);
    // The window closes two days after the end: 1 December, 6:00 p. m. in Lima.
    const said = await screen.findByText(/^El taller cerró su registro el /);
    expect(said.textContent?.replace(/\u00a0/g, ' ')).toBe('El taller cerró su registro el martes 1 de diciembre de 2026, 6:00 p. m. Ya no se puede registrar la asistencia ni enviar opiniones.');
    expect(screen.queryByRole('button', { name: 'Enviar mi opinión' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Registrar mi asistencia' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Dar mi opinión' })).toBeNull();
  });

  it('a workshop not open yet offers no form and says when it opens', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const workshop = await seedWorkshop(dbs, { code: 'PR0X1M', startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() });
    openAt(`/t/${workshop.code}/asistencia`);
    await screen.findByText(/^El registro de este taller abre el /);
    expect(screen.queryByLabelText('Nombre completo')).toBeNull();
  });

  it('feedback the server refused shows the refusal on the page, never «Enviado al servidor»', async () => {
    const workshop = await seedWorkshop(dbs);
    const network = startRefusingServer(CLOSED_REASON);
    openAt(`/t/${workshop.code}/opinion`);
    await screen.findByRole('group', { name: 'Contenido' });
    for (const group of ['Contenido', 'Facilitación', 'Utilidad para mi trabajo', 'Organización']) rate(group, '4');
    rate('¿Recomendaría este taller a un colega? (0 a 10)', '8');
    fireEvent.click(screen.getByRole('button', { name: 'Enviar mi opinión' }));
    await screen.findByText('Esperando conexión para enviar.');
    network.online = true;
    await syncNow();
    const alert = await screen.findByText(/Su opinión no fue aceptada/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain(CLOSED_REASON);
    await waitFor(() => expect(screen.queryByText(/ya envió su opinión/)).toBeNull());
    expect(screen.queryByText('Enviado al servidor.')).toBeNull();
    // Reopened later, the refusal is still what the page says.
    openAt(`/t/${workshop.code}`);
    expect((await screen.findAllByText(/Su opinión no fue aceptada/)).length).toBeGreaterThan(0);
  });

  it('a check-in the server refused shows the refusal on the page, never «Enviado al servidor»', async () => {
    const workshop = await seedWorkshop(dbs);
    const FULL = 'El taller ya llegó a su capacidad: 40 personas.';
    const network = startRefusingServer(FULL);
    openAt(`/t/${workshop.code}/asistencia`);
    fireEvent.input(await screen.findByLabelText('Nombre completo'), { target: { value: 'Rosa Ccori Mamani' } });
    fireEvent.change(screen.getByLabelText('Tipo de entidad'), { target: { value: 'municipalidad-distrital' } });
    fireEvent.input(screen.getByLabelText('Nombre de la entidad'), { target: { value: 'Municipalidad Distrital de Quinua' } });
    fireEvent.click(screen.getByLabelText(/^Leí el aviso de privacidad y acepto/));
    fireEvent.click(screen.getByRole('button', { name: 'Registrar mi asistencia' }));
    await screen.findByText('Esperando conexión para enviar.');
    network.online = true;
    await syncNow();
    const alert = await screen.findByText(/Su asistencia no fue registrada/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain(FULL);
    expect(screen.queryByText('Enviado al servidor.')).toBeNull();
  });
});
