// Dexie's liveQuery stays silent unless a global IndexedDB existed when Dexie loaded; each device still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDatabases, type Databases } from '../../../src/db/connection';
import type { ChecklistTemplate } from '../../../src/shared/catalogue/template';
import { saveEvent } from '../../../src/state/event-model';
import { setChecklistItem, startChecklist } from '../../../src/state/checklist-model';
import { watchChecklistScreen, type ChecklistScreenData } from '../../../src/state/checklist-screen-model';
import { resetLiveSignals } from '../../../src/state/live-signal';
import { createDevice, makeEvent, waitForSignal } from '../sync/device-fixture';

const TEMPLATE: ChecklistTemplate = {
  id: 'tpl-pantalla', version: 1, title: 'Lista de la pantalla', summary: 'Para probar.', proposeWhen: {},
  sections: [{ id: 'antes', title: 'Antes', items: [{ id: 'pantalla-1', text: 'Pedir el permiso', dueDays: 5 }, { id: 'pantalla-2', text: 'Avisar al barrio', dueDays: 2 }] }],
};

let dbs: Databases;
let stopWatching = (): void => undefined;
beforeEach(() => {
  dbs = createDevice();
  useDatabases(dbs);
});
afterEach(() => {
  stopWatching();
  vi.restoreAllMocks();
  resetLiveSignals();
  useDatabases(undefined);
});

/** An event with a run of TEMPLATE, its screen's signal and the first loaded value. */
async function openScreen() {
  await dbs.catalogue.checklistTemplates.put(TEMPLATE);
  const { id: _ignored, ...input } = makeEvent();
  const eventId = await saveEvent(input);
  const runId = await startChecklist(eventId, TEMPLATE.id, TEMPLATE.version);
  const screen = watchChecklistScreen(eventId, runId);
  // The open screen keeps watching, as its component does: its queries are never started afresh.
  stopWatching = effect(() => void screen.value);
  const first = await waitForSignal(() => screen.value, (data) => data.view !== undefined);
  return { eventId, runId, screen, first };
}

const doneOf = (data: ChecklistScreenData, itemId: string) =>
  data.view?.sections.flatMap((s) => s.items).find((i) => i.id === itemId)?.state.done === true;

describe('the checklist screen, live', () => {
  it('a tick shows on the screen without reading the template again', async () => {
    const { runId, screen, first } = await openScreen();
    expect(first.view?.title).toBe('Lista de la pantalla');
    const templateReads = vi.spyOn(dbs.catalogue.checklistTemplates, 'get');
    await setChecklistItem(runId, 'pantalla-1', { done: true });
    const after = await waitForSignal(() => screen.value, (data) => doneOf(data, 'pantalla-1'));
    expect(after.view?.progress.done).toBe(1);
    expect(templateReads).not.toHaveBeenCalled();
  });

  it('a template the catalogue replaces shows on the open screen', async () => {
    const { screen } = await openScreen();
    await dbs.catalogue.checklistTemplates.put({ ...TEMPLATE, title: 'Lista renombrada' });
    const after = await waitForSignal(() => screen.value, (data) => data.view?.title === 'Lista renombrada');
    expect(after.view?.sections[0]?.items.map((i) => i.text)).toEqual(['Pedir el permiso', 'Avisar al barrio']);
  });

  it('a run of another event shows no view, loaded (the screen says it was not found)', async () => {
    const { runId } = await openScreen();
    const other = watchChecklistScreen('otro-evento', runId);
    const data = await waitForSignal(() => other.value, (d) => d.isLoaded);
    expect(data.view).toBeUndefined();
    expect(data.event).toBeUndefined();
  });
});
