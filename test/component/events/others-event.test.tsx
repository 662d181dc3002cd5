/**
 * The interface offers only what the server allows (issue 9): coordinación sees a gestora's
 * event and follows its lists, but gets no «Editar evento», «Archivar», tick, detail or new item
 * on it — the server would refuse each with `not_owner` (the shared rule in src/shared/permissions.ts).
 */
import { describe, expect, it } from 'vitest';
import { configure, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { uuidv7 } from '../../../src/shared/ids';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { ChecklistScreen } from '../../../src/ui/checklists/checklist-screen';
import { makeEvent, makeSession, signIn } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from './fixtures';

configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useDeviceWithTemplates({ onDevice: (device) => (dbs = device) });

const GESTORA = uuidv7();

function openAt(path: string) {
  history.replaceState(null, '', path);
  return render(<LocationProvider><EventsScreen /></LocationProvider>);
}

/** The checklist screen itself (the events screen loads it lazily). */
function openList(eventId: string, runId: string) {
  return render(<LocationProvider><ChecklistScreen eventId={eventId} runId={runId} /></LocationProvider>);
}

/** The gestora's event with one list and one ticked item, as coordinación's pull brings it. */
async function seedGestorasEvent(ownerId = GESTORA): Promise<{ eventId: string; runId: string }> {
  const event = makeEvent({ title: 'Pasacalle de Ilave', music: 'live' });
  const runId = uuidv7();
  await dbs.user.events.put({ ...event, ownerId, archived: false, updatedAt: '2026-12-01T12:00:00.000Z' });
  await dbs.user.checklistRuns.put({ id: runId, eventId: event.id, templateId: MUSIC_TEMPLATE.id, templateVersion: 1, ownerId, customItems: [], updatedAt: 'x' });
  await dbs.user.checklistItems.put({ runId, itemId: 'md-licencia', state: { done: true }, fieldHlc: { done: '001764950400000:0000:otro' }, updatedAt: 'x' });
  return { eventId: event.id, runId };
}

describe('someone else\'s event offers nothing the server would refuse', () => {
  it('coordinación reads the gestora\'s event and its progress, with no edit, archive, add or remove', async () => {
    await signIn(dbs, { user: { ...makeSession().user, roles: ['coordinador'] } });
    const { eventId } = await seedGestorasEvent();
    openAt(`/eventos/${eventId}`);
    await screen.findByText(/Este evento es de otra persona/);
    expect(screen.getByRole('heading', { level: 1, name: 'Pasacalle de Ilave' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Música y derechos de autor' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Editar evento' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archivar evento' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Agregar/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Quitar/ })).toBeNull();
  });

  it('its checklist shows every item and its state, with no tick, no details and no new item', async () => {
    await signIn(dbs, { user: { ...makeSession().user, roles: ['coordinador'] } });
    const { eventId, runId } = await seedGestorasEvent();
    openList(eventId, runId);
    await screen.findByText('Esta lista es de un evento de otra persona: puede verla, pero no cambiarla.');
    expect(screen.getByText('Solicitar la licencia de comunicación pública')).toBeTruthy();
    expect(screen.getAllByText('Hecho').length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Detalles/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('its edit address shows why instead of a form', async () => {
    await signIn(dbs, { user: { ...makeSession().user, roles: ['coordinador'] } });
    const { eventId } = await seedGestorasEvent();
    openAt(`/eventos/${eventId}/editar`);
    await screen.findByText(/Este evento es de otra persona/);
    expect(screen.queryByRole('button', { name: 'Guardar evento' })).toBeNull();
    expect(screen.queryByLabelText('Título')).toBeNull();
  });

  it('the author\'s own pulled event keeps every action', async () => {
    const session = await signIn(dbs);
    const { eventId, runId } = await seedGestorasEvent(session.user.id);
    openAt(`/eventos/${eventId}`);
    await screen.findByRole('link', { name: 'Editar evento' });
    expect(screen.getByRole('button', { name: 'Archivar evento' })).toBeTruthy();
    expect(screen.queryByText(/Este evento es de otra persona/)).toBeNull();
    openList(eventId, runId);
    expect((await screen.findAllByRole('checkbox')).length).toBeGreaterThan(0);
    openAt(`/eventos/${eventId}/editar`);
    expect(await screen.findByLabelText('Título')).toBeTruthy();
  });
});
