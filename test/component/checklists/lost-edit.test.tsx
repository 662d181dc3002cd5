/**
 * A note that lost to another phone's later edit is shown on its item (issue 9), with
 * «Restaurar mi versión» (a new local edit) and «Descartar».
 */
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { Databases } from '../../../src/db/connection';
import { lostEditKey, listLostEdits } from '../../../src/db/lost-edits-store';
import { saveEvent } from '../../../src/state/event-model';
import { addTemplate } from '../../../src/state/event-checklists-model';
import { ChecklistScreen } from '../../../src/ui/checklists/checklist-screen';
import { makeEvent } from '../../unit/sync/device-fixture';
import { MUSIC_TEMPLATE, useDeviceWithTemplates } from '../events/fixtures';

configure({ asyncUtilTimeout: 5000 });

let dbs: Databases;
useDeviceWithTemplates({ templates: [MUSIC_TEMPLATE], onDevice: (device) => (dbs = device) });

const ITEM = 'md-licencia';

/** A run whose licence item reads the other phone's note, and this device's losing note kept. */
async function openWithLostNote() {
  const eventId = await saveEvent(makeEvent({ music: 'live' }));
  const runId = await addTemplate(eventId, MUSIC_TEMPLATE);
  await dbs.user.checklistItems.put({ runId, itemId: ITEM, state: { note: 'Lo tramita Quispe el lunes' }, fieldHlc: { note: '001764950400000:0000:otro-telefono' }, updatedAt: 'x' });
  const key = lostEditKey(runId, ITEM, 'note');
  await dbs.user.meta.put({ key, value: { key, runId, itemId: ITEM, field: 'note', text: 'Lo tramito yo el viernes', lostAt: '2026-12-05T20:00:00.000Z' } });
  await dbs.user.outbox.clear();
  render(<LocationProvider><ChecklistScreen eventId={eventId} runId={runId} /></LocationProvider>);
  const note = await screen.findByText('Otra persona cambió esta nota; su versión: «Lo tramito yo el viernes»');
  return { runId, item: within(note.closest('li')!) };
}

describe('a losing note on its item', () => {
  it('shows the winner and the losing text; «Restaurar mi versión» queues it as a new edit and forgets the copy', async () => {
    const { runId, item } = await openWithLostNote();
    expect(item.getByText('Lo tramita Quispe el lunes')).toBeTruthy();
    fireEvent.click(item.getByRole('button', { name: /^Restaurar mi versión/ }));
    await waitFor(() => expect(screen.queryByText(/Otra persona cambió esta nota/)).toBeNull());
    const [queued] = await dbs.user.outbox.toArray();
    expect(queued).toMatchObject({ name: 'checklist.setItem', args: { runId, itemId: ITEM, patch: { note: 'Lo tramito yo el viernes' } } });
    expect((await dbs.user.checklistItems.get([runId, ITEM]))?.state.note).toBe('Lo tramito yo el viernes');
    expect(await listLostEdits(dbs.user, runId)).toEqual([]);
  });

  it('«Descartar» keeps the other phone\'s note and sends nothing', async () => {
    const { runId, item } = await openWithLostNote();
    fireEvent.click(item.getByRole('button', { name: /^Descartar/ }));
    await waitFor(() => expect(screen.queryByText(/Otra persona cambió esta nota/)).toBeNull());
    expect(await dbs.user.outbox.count()).toBe(0);
    expect((await dbs.user.checklistItems.get([runId, ITEM]))?.state.note).toBe('Lo tramita Quispe el lunes');
  });
});
