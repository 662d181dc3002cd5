/**
 * «Editar taller» and «Registrar asistencia» only for who may change the workshop (issue 9): the facilitador who leads it
 * or coordinación — the shared rule the server refuses `workshop.save` by (not_owner).
 */
import { describe, expect, it } from 'vitest';
import { configure, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { writeMeta } from '../../../src/db/meta-store';
import { WorkshopDetail } from '../../../src/ui/workshops/workshop-detail';
import { WorkshopForm } from '../../../src/ui/workshops/workshop-form';
import { uuidv7 } from '../../../src/shared/ids';
import { makeSession, signIn, useFormDevice } from '../../unit/sync/device-fixture';
import { seedWorkshop } from './workshop-fixture';

configure({ asyncUtilTimeout: 4000 });

let dbs: Databases;
useFormDevice((device) => void (dbs = device));

const signInAs = (roles: ('facilitador' | 'coordinador')[]) => signIn(dbs, { user: { ...makeSession().user, roles } });

function openDetail(id: string) {
  history.replaceState(null, '', `/talleres/${id}`);
  return render(<LocationProvider><WorkshopDetail workshopId={id} /></LocationProvider>);
}

describe('«Editar taller» only for who leads the workshop', { timeout: 20_000 }, () => {
  it('a facilitador who does not lead it gets neither «Registrar asistencia» nor «Editar taller», and its edit address says why', async () => {
    await signInAs(['facilitador']);
    const workshop = await seedWorkshop(dbs);
    await writeMeta(dbs.user.meta, `lead:${uuidv7()}`, 'otra'); // leads of other workshops say nothing of this one
    const view = openDetail(workshop.id);
    // Still sees the workshop, its summary and its participant link.
    await screen.findByRole('link', { name: 'Resumen y opiniones' });
    await screen.findByRole('link', { name: 'Enviar por WhatsApp' });
    expect(screen.queryByRole('link', { name: 'Registrar asistencia' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Editar taller' })).toBeNull();
    view.unmount();
    history.replaceState(null, '', `/talleres/${workshop.id}/editar`);
    render(<LocationProvider><WorkshopForm workshopId={workshop.id} /></LocationProvider>);
    await screen.findByText(/Este taller lo dirige otra persona/);
    expect(screen.queryByRole('button', { name: 'Guardar taller' })).toBeNull();
  });

  it('the facilitador who leads it (pulled as workshopLeads) gets «Editar taller»', async () => {
    const session = await signInAs(['facilitador']);
    const workshop = await seedWorkshop(dbs);
    await writeMeta(dbs.user.meta, `lead:${workshop.id}`, session.user.id);
    openDetail(workshop.id);
    await screen.findByRole('link', { name: 'Editar taller' });
    expect(screen.getByRole('link', { name: 'Registrar asistencia' })).toBeTruthy();
  });

  it('coordinación gets «Editar taller» on any workshop', async () => {
    await signInAs(['coordinador']);
    const workshop = await seedWorkshop(dbs);
    openDetail(workshop.id);
    await screen.findByRole('link', { name: 'Editar taller' });
    expect(screen.getByRole('link', { name: 'Registrar asistencia' })).toBeTruthy();
  });
});
