/**
 * An event's title that lost to another phone's later save is shown on the event's page (issue 9),
 * with «Restaurar mi versión» (saved again through event.save) and «Descartar».
 */
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { listLostFieldEdits, lostFieldKey } from '../../../src/db/lost-edits-store';
import { saveEvent } from '../../../src/state/event-model';
import { EventsScreen } from '../../../src/ui/events/events-screen';
import { makeEvent } from '../../unit/sync/device-fixture';
import { useDeviceWithTemplates } from './fixtures';

configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useDeviceWithTemplates({ onDevice: (device) => (dbs = device) });

const SAID = 'Otra persona cambió el título; su versión: «Candelaria 2027: ensayo general»';

/** The event reads the other phone's title; this device's losing title is kept. */
async function openWithLostTitle() {
  const id = await saveEvent(makeEvent({ title: 'Candelaria: gran parada', venue: 'Estadio Enrique Torres Belón' }));
  await dbs.user.outbox.clear();
  const key = lostFieldKey('event', id, 'title');
  await dbs.user.meta.put({ key, value: { key, owner: `event:${id}`, rowId: id, field: 'title', text: 'Candelaria 2027: ensayo general', lostAt: '2026-12-05T20:00:00.000Z' } });
  history.replaceState(null, '', `/eventos/${id}`);
  render(<LocationProvider><EventsScreen /></LocationProvider>);
  await screen.findByText(SAID);
  return id;
}

describe('a losing event title on the event’s page', () => {
  it('shows the winner and the losing text; «Restaurar mi versión» saves the event again with it and forgets the copy', async () => {
    const id = await openWithLostTitle();
    expect(screen.getByRole('heading', { level: 1, name: 'Candelaria: gran parada' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Restaurar mi versión/ }));
    await waitFor(() => expect(screen.queryByText(SAID)).toBeNull());
    const [queued] = await dbs.user.outbox.toArray();
    expect(queued).toMatchObject({ name: 'event.save', args: { id, title: 'Candelaria 2027: ensayo general', venue: 'Estadio Enrique Torres Belón' } });
    expect((queued!.args as Record<string, unknown>)['fieldHlc']).toBeUndefined();
    await screen.findByRole('heading', { level: 1, name: 'Candelaria 2027: ensayo general' });
    expect(await listLostFieldEdits(dbs.user, 'event', id)).toEqual([]);
  });

  it('«Descartar» keeps the other phone\'s title and sends nothing', async () => {
    const id = await openWithLostTitle();
    fireEvent.click(screen.getByRole('button', { name: /^Descartar/ }));
    await waitFor(() => expect(screen.queryByText(SAID)).toBeNull());
    expect(await dbs.user.outbox.count()).toBe(0);
    expect((await dbs.user.events.get(id))?.title).toBe('Candelaria: gran parada');
  });
});
