/**
 * «Editar taller» → co-facilitadores named by account, against the REAL server in-process: the
 * list is the server's own `GET /api/staff/facilitators`, and the queued `workshop.save`
 * carries `cofacilitatorIds`. A co-facilitadora's device then offers the attendance, not the edit.
 */
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { writeMeta } from '../../../src/db/meta-store';
import type { SessionResponse } from '../../../src/shared/protocol';
import { WorkshopForm } from '../../../src/ui/workshops/workshop-form';
import { WorkshopDetail } from '../../../src/ui/workshops/workshop-detail';
import { useInProcessServer } from '../../helpers/component-server';
import { createLoggedInUser } from '../../helpers/server-app';
import { seedWorkshop } from './workshop-fixture';

configure({ asyncUtilTimeout: 6000 });

let owner: SessionResponse;
let ana: SessionResponse;
const device = useInProcessServer(async (server) => {
  owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
  ana = await createLoggedInUser(server, ['facilitador'], 'Ana Quispe');
  await createLoggedInUser(server, ['gestor'], 'Gestora Sin Taller');
});
const { signInAs } = device;

describe('co-facilitadores on the workshop form', { timeout: 30_000 }, () => {
  it('the owner ticks a facilitadora by name (no gestor, not herself) and the save carries her account', async () => {
    await signInAs(owner);
    const workshop = await seedWorkshop(device.dbs);
    await writeMeta(device.dbs.user.meta, `lead:${workshop.id}`, owner.user.id);
    history.replaceState(null, '', `/talleres/${workshop.id}/editar`);
    render(<LocationProvider><WorkshopForm workshopId={workshop.id} /></LocationProvider>);
    const group = await screen.findByRole('group', { name: 'Co-facilitadores con cuenta en Tinkuy' });
    const box = await screen.findByRole('checkbox', { name: 'Ana Quispe' });
    expect(group.textContent).not.toContain('Gestora Sin Taller');
    expect(group.textContent).not.toContain('Rosa Huamán');
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar taller' }));
    await waitFor(async () => expect(await device.dbs.user.outbox.count()).toBe(1), { timeout: 8000 });
    const [queued] = await device.dbs.user.outbox.toArray();
    expect(queued!.name).toBe('workshop.save');
    expect((queued!.args as { cofacilitatorIds?: string[] }).cofacilitatorIds).toEqual([ana.user.id]);
    // The public programme row on this device stays free of account ids.
    expect(await device.dbs.catalogue.workshops.get(workshop.id)).not.toHaveProperty('cofacilitatorIds');
  });

  it('a named co-facilitadora is offered «Registrar asistencia» but not «Editar taller»', async () => {
    await signInAs(ana);
    const workshop = await seedWorkshop(device.dbs);
    await writeMeta(device.dbs.user.meta, `lead:${workshop.id}`, owner.user.id);
    await writeMeta(device.dbs.user.meta, `team:${workshop.id}`, [ana.user.id]);
    history.replaceState(null, '', `/talleres/${workshop.id}`);
    render(<LocationProvider><WorkshopDetail workshopId={workshop.id} /></LocationProvider>);
    expect(await screen.findByRole('link', { name: 'Registrar asistencia' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Editar taller' })).toBeNull();
  });
});
