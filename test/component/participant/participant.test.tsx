import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { readCheckInId } from '../../../src/db/attendance-store';
import { ParticipantScreen } from '../../../src/ui/participant/participant-screen';
import { App } from '../../../src/ui/app';
import { t } from '../../../src/shared/i18n';
import { useSeededWorkshop } from '../workshops/workshop-fixture';

const seeded = useSeededWorkshop();

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><ParticipantScreen /></LocationProvider>);
}

function rate(group: string, value: string) {
  fireEvent.click(within(screen.getByRole('group', { name: group })).getByRole('radio', { name: new RegExp(`^${value}\\b`) }));
}

describe('Opinión anónima del participante (/t/<CODE>/opinion)', { timeout: 20_000 }, () => {
  it('asks for the four ratings and the recommendation before sending, and sends nothing until then', async () => {
    openAt(`/t/${seeded.workshop.code.toLowerCase()}/opinion`);
    await screen.findByRole('group', { name: 'Contenido' });
    rate('Contenido', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Enviar mi opinión' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Responda las cuatro notas y la recomendación');
    expect(await seeded.dbs.user.outbox.count()).toBe(0);
  });

  it('queues one anonymous feedback with the workshop code, keeps no copy, and shows it was sent from this phone', async () => {
    openAt(`/t/${seeded.workshop.code}/opinion`);
    await screen.findByRole('group', { name: 'Contenido' });
    rate('Contenido', '5');
    rate('Facilitación', '4');
    rate('Utilidad para mi trabajo', '5');
    rate('Organización', '3');
    rate('¿Recomendaría este taller a un colega? (0 a 10)', '9');
    fireEvent.input(screen.getByLabelText('Comentarios (opcional)'), { target: { value: 'Muy útil para la gestión de riesgos en la fiesta patronal.' } });
    fireEvent.input(screen.getByLabelText('Temas para próximos talleres (opcional)'), { target: { value: 'Derechos de autor, Financiamiento' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar mi opinión' }));
    await screen.findByText(/ya envió su opinión sobre este taller desde este teléfono/, {}, { timeout: 4000 });
    const queued = await seeded.dbs.user.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.name).toBe('feedback.submit');
    const args = queued[0]!.args as Record<string, unknown>;
    expect(Object.keys(args).sort()).toEqual(['comment', 'id', 'ratings', 'recommend', 'topics', 'workshopCode', 'workshopId']);
    expect(args['ratings']).toEqual({ contenido: 5, facilitacion: 4, utilidad: 5, organizacion: 3 });
    expect(args['recommend']).toBe(9);
    expect(args['topics']).toEqual(['Derechos de autor', 'Financiamiento']);
    expect(args['workshopCode']).toBe(seeded.workshop.code);
    expect(await seeded.dbs.user.feedback.count()).toBe(0);
  });

  it('remembers on this phone that feedback was sent: reopening the link shows thanks, not the form', async () => {
    const first = openAt(`/t/${seeded.workshop.code}/opinion`);
    await screen.findByRole('group', { name: 'Contenido' });
    for (const group of ['Contenido', 'Facilitación', 'Utilidad para mi trabajo', 'Organización']) rate(group, '4');
    rate('¿Recomendaría este taller a un colega? (0 a 10)', '7');
    fireEvent.click(screen.getByRole('button', { name: 'Enviar mi opinión' }));
    await screen.findByText(/ya envió su opinión/, {}, { timeout: 4000 });
    first.unmount();
    openAt(`/t/${seeded.workshop.code}/opinion`);
    await screen.findByText(/ya envió su opinión/, {}, { timeout: 4000 });
    expect(screen.queryByRole('button', { name: 'Enviar mi opinión' })).toBeNull();
  });

  it('self check-in asks consent in the first person, starts from the workshop\'s region, then queues attendance.register with the code', async () => {
    openAt(`/t/${seeded.workshop.code}/asistencia`);
    await screen.findByRole('heading', { name: seeded.workshop.title });
    // The workshop is in Ayacucho (place 0501): the participant need not look for their region.
    expect((await screen.findByLabelText('Región') as HTMLSelectElement).value).toBe('05');
    expect(screen.queryByText(/La persona leyó/)).toBeNull();
    fireEvent.input(screen.getByLabelText('Nombre completo'), { target: { value: 'Teodoro Ñaupari' } });
    fireEvent.change(screen.getByLabelText('Tipo de entidad'), { target: { value: 'gobierno-regional' } });
    fireEvent.input(screen.getByLabelText('Nombre de la entidad'), { target: { value: 'Gobierno Regional de Junín' } });
    fireEvent.change(screen.getByLabelText('Región'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar mi asistencia' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Sin el consentimiento');
    expect(await seeded.dbs.user.outbox.count()).toBe(0);
    fireEvent.click(screen.getByLabelText(/^Leí el aviso de privacidad y acepto/));
    fireEvent.click(screen.getByRole('button', { name: 'Registrar mi asistencia' }));
    await screen.findByText(/Gracias, Teodoro Ñaupari/);
    const [queued] = await seeded.dbs.user.outbox.toArray();
    expect(queued?.name).toBe('attendance.register');
    const args = queued?.args as { id: string; workshopCode?: string; person: { governmentLevel: string; regionCode: string } };
    expect(args.workshopCode).toBe(seeded.workshop.code);
    // The phone keeps the id of the record it made: it alone asks for the person's constancia with it.
    expect(await readCheckInId(seeded.dbs.user, seeded.workshop.id)).toBe(args.id);
    expect(args.person.governmentLevel).toBe('regional');
    expect(args.person.regionCode).toBe('12');
  });

  it('remembers a completed check-in on this phone: reopening shows the thanks and both actions say what is done', async () => {
    const first = openAt(`/t/${seeded.workshop.code}/asistencia`);
    await screen.findByLabelText('Nombre completo');
    fireEvent.input(screen.getByLabelText('Nombre completo'), { target: { value: 'Rosa Ccori Mamani' } });
    fireEvent.change(screen.getByLabelText('Tipo de entidad'), { target: { value: 'municipalidad-distrital' } });
    fireEvent.input(screen.getByLabelText('Nombre de la entidad'), { target: { value: 'Municipalidad Distrital de Quinua' } });
    fireEvent.click(screen.getByLabelText(/^Leí el aviso de privacidad y acepto/));
    fireEvent.click(screen.getByRole('button', { name: 'Registrar mi asistencia' }));
    await screen.findByText(/Gracias, Rosa Ccori Mamani/);
    first.unmount();
    openAt(`/t/${seeded.workshop.code}/asistencia`);
    await screen.findByText(/Gracias, Rosa Ccori Mamani: su asistencia quedó registrada/);
    expect(screen.queryByLabelText('Nombre completo')).toBeNull();
    const actions = within(screen.getByRole('navigation', { name: 'Acciones del participante' }));
    expect(actions.getByRole('link', { name: 'Asistencia registrada' })).toBeTruthy();
    expect(actions.getByRole('link', { name: 'Dar mi opinión' })).toBeTruthy();
    // Someone else may use the same phone: the form comes back, empty but for the region.
    fireEvent.click(screen.getByRole('button', { name: 'Registrar a otra persona' }));
    expect((await screen.findByLabelText('Nombre completo') as HTMLInputElement).value).toBe('');
    expect(await seeded.dbs.user.outbox.count()).toBe(1);
  });

  it('a code not on this phone says the workshop is loading while the server is asked, and never blames the code unless the server did', async () => {
    openAt('/t/ZZZZZZ');
    expect(await screen.findByRole('heading', { name: 'Cargando el taller…' })).toBeTruthy();
    // No server answers in this test (no connection): the page says to come back online.
    expect(await screen.findByText(/(no hay conexión|No pudimos traer el taller)/, {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByText(/Revise que esté bien escrito/)).toBeNull();
  });
});

describe('La puerta del participante dentro de la aplicación', { timeout: 20_000 }, () => {
  it('shows no staff navigation and no sync pill at /t/<CODE>, only the connection', async () => {
    window.scrollTo = () => undefined;
    history.replaceState(null, '', `/t/${seeded.workshop.code}`);
    render(<App />);
    await screen.findByRole('heading', { name: seeded.workshop.title }, { timeout: 8000 });
    expect(screen.queryByRole('navigation', { name: t('nav.label') })).toBeNull();
    expect(screen.queryByRole('link', { name: /Envío/ })).toBeNull();
    expect(screen.queryByRole('link', { name: t('shell.homeLink') })).toBeNull();
    expect(screen.getByText(/^(En línea|Sin conexión)$/)).toBeTruthy();
  });
});

describe('La puerta pide solo su taller (#12)', { timeout: 20_000 }, () => {
  it('a first visit shows the workshop from /api/workshops/by-code, keeps it on the phone, and asks for no catalogue', async () => {
    const { setTransport } = await import('../../../src/sync/transport');
    const { json, scriptTransport } = await import('../../unit/sync/device-fixture');
    const served = { ...seeded.workshop, id: '0195f0a0-0000-7000-8000-0000000000aa', code: 'QRS234', title: 'Taller que llega por su código' };
    const { transport, seen } = scriptTransport((r) =>
      r.path === '/api/workshops/by-code/QRS234' ? json(200, { change: { table: 'workshops', id: served.id, version: 41, row: served } }) : json(404, { error: { code: 'not_found', message: 'No' } }),
    );
    setTransport(transport);
    try {
      openAt('/t/qrs234');
      expect(await screen.findByRole('heading', { name: served.title })).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Registrar mi asistencia' })).toBeTruthy();
      await expect.poll(async () => (await seeded.dbs.catalogue.workshops.get(served.id))?.syncVersion).toBe(41);
      expect(seen.map((r) => r.path)).toEqual(['/api/workshops/by-code/QRS234']);
    } finally {
      setTransport(undefined);
    }
  });

  it('a code the server does not know: it says so once the server answered', async () => {
    const { setTransport } = await import('../../../src/sync/transport');
    const { json, scriptTransport } = await import('../../unit/sync/device-fixture');
    setTransport(scriptTransport(() => json(404, { error: { code: 'not_found', message: 'No' } })).transport);
    try {
      openAt('/t/ZZZZZ9');
      expect(await screen.findByText(/No hay ningún taller con el código ZZZZZ9/)).toBeTruthy();
    } finally {
      setTransport(undefined);
    }
  });
});
