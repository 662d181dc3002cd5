// Dexie's liveQuery stays silent unless a global IndexedDB existed when Dexie loaded; each device still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { activeEvents, archiveEvent, saveEvent, watchEvent } from '../../../src/state/event-model';
import { addChecklistItem, setChecklistItem, startChecklist } from '../../../src/state/checklist-model';
import { listRunItems } from '../../../src/db/checklist-items-store';
import { createDevice, makeEvent, waitForSignal } from '../sync/device-fixture';

let dbs: Databases;
beforeEach(() => {
  dbs = createDevice();
  useDatabases(dbs);
});
afterEach(() => useDatabases(undefined));

/** Each item's state in a run, by item id, as stored on the device. */
async function readItemStates(runId: string): Promise<Record<string, unknown>> {
  return Object.fromEntries((await listRunItems(dbs.user, runId)).map((row) => [row.itemId, row.state]));
}

describe('events on the device', () => {
  it('a saved event shows in the live list at once and waits in the outbox', async () => {
    const { id: _ignored, ...input } = makeEvent({ title: 'Pasacalle de Carnaval' });
    const id = await saveEvent(input);
    const list = await waitForSignal(() => activeEvents.value, (events) => events.length === 1);
    expect(list[0]).toMatchObject({ id, title: 'Pasacalle de Carnaval' });
    expect((await dbs.user.outbox.toArray()).map((r) => r.name)).toEqual(['event.save']);
  });

  it('an edit replaces only what changed and an archived event leaves the list', async () => {
    const event = makeEvent();
    await saveEvent(event);
    await saveEvent({ ...event, venue: 'Coliseo municipal' });
    const edited = await waitForSignal(() => watchEvent(event.id).value, (e) => e?.venue === 'Coliseo municipal');
    expect(edited?.title).toBe(event.title);
    await archiveEvent(event.id);
    await waitForSignal(() => activeEvents.value, (events) => events.length === 0);
    expect((await dbs.user.events.get(event.id))?.archived).toBe(true);
    expect(await dbs.user.outbox.count()).toBe(3);
  });

  it('refuses an event that ends before it starts, in Spanish, and saves nothing', async () => {
    const bad = makeEvent({ startsAt: '2026-02-02T23:00:00.000Z', endsAt: '2026-02-02T15:00:00.000Z' });
    await expect(saveEvent(bad)).rejects.toThrow('El evento no puede terminar antes de empezar.');
    expect(await dbs.user.events.count()).toBe(0);
    expect(await dbs.user.outbox.count()).toBe(0);
  });
});

describe('checklists on the device', () => {
  it('starts a run once per event and template', async () => {
    const runId = await startChecklist(makeEvent().id, 'concierto-al-aire-libre', 2);
    const event = (await dbs.user.checklistRuns.get(runId))!.eventId;
    expect(await startChecklist(event, 'concierto-al-aire-libre', 2)).toBe(runId);
    expect(await dbs.user.checklistRuns.count()).toBe(1);
    expect(await dbs.user.outbox.count()).toBe(1);
  });

  it('ticks, annotates and adds items; the run and its items keep each change', async () => {
    const runId = await startChecklist(makeEvent().id, 'feria', 1);
    await setChecklistItem(runId, 'permiso-municipal', { done: true });
    await setChecklistItem(runId, 'permiso-municipal', { note: 'Pedido el lunes' });
    const itemId = await addChecklistItem(runId, 'Seguridad', 'Botiquín en la tarima');
    expect(await readItemStates(runId)).toEqual({ 'permiso-municipal': { done: true, notApplicable: false, note: 'Pedido el lunes' } });
    expect((await dbs.user.checklistRuns.get(runId))?.customItems).toEqual([{ itemId, section: 'Seguridad', text: 'Botiquín en la tarima' }]);
    expect((await dbs.user.outbox.toArray()).map((r) => r.name)).toEqual(['checklist.start', 'checklist.setItem', 'checklist.setItem', 'checklist.addItem']);
  });

  it('a later un-tick wins over an earlier tick (per-field HLC)', async () => {
    const runId = await startChecklist(makeEvent().id, 'feria', 1);
    await setChecklistItem(runId, 'seguro', { done: true, responsible: 'Rosa' });
    await setChecklistItem(runId, 'seguro', { done: false });
    expect((await readItemStates(runId)).seguro).toEqual({ done: false, notApplicable: false, responsible: 'Rosa' });
  });
});
