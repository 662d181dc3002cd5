/**
 * A change the server refused is undone on the device (issue 9): the record the change touched
 * returns to what the server holds in the same sync round, so two phones never silently
 * disagree; the refused change itself waits in «Requiere atención».
 */
import { describe, expect, it } from 'vitest';
import { runSyncCycle } from '../../../src/sync/sync-cycle';
import { META_KEYS, readMeta, writeMeta } from '../../../src/db/meta-store';
import { readCatalogueCursor } from '../../../src/db/catalogue-meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { LEADS_PULLED } from '../../../src/db/workshop-leads-store';
import { ERROR_MESSAGES } from '../../../src/shared/errors';
import { uuidv7 } from '../../../src/shared/ids';
import { createDevice, emptyPage, json, makeEvent, scriptTransport, signIn, type SeenRequest } from './device-fixture';
import { makeWorkshop } from '../../component/workshops/workshop-fixture';

const STAMP = '001764950400000:0000:otro-telefono';
const serverEvent = (id: string, title: string) => ({ ...makeEvent({ id, title }), ownerId: 'gestora', archived: false, updatedAt: '2026-11-29T12:00:00.000Z' });

/** A push answer refusing every mutation it carries. */
function refuseAll(request: SeenRequest, code = 'not_owner') {
  const seqs = (request.body as { mutations: { seq: number }[] }).mutations.map((m) => m.seq);
  return json(200, { lastSeq: seqs.at(-1), rejected: seqs.map((seq) => ({ seq, code, message: ERROR_MESSAGES.not_owner })) });
}

describe('a refused change is undone on this device', () => {
  it('a tick on someone else\'s list: the item returns to the server\'s state in the same round', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const eventId = uuidv7();
    const runId = uuidv7();
    // What an earlier pull brought: the gestora's event, and the item not done.
    await dbs.user.events.put({ ...serverEvent(eventId, 'Feria del libro'), fieldHlc: {} });
    await dbs.user.checklistItems.put({ runId, itemId: 'permiso-municipal', state: { done: false, note: 'Falta la firma' }, fieldHlc: { done: STAMP, note: STAMP }, updatedAt: 'x' });
    await writeMeta(dbs.user.meta, META_KEYS.userCursor, 40);
    await writeMeta(dbs.user.meta, LEADS_PULLED, true); // not the one-time rewind for workshop leads
    await recordMutation(dbs.user, 'checklist.setItem', { runId, itemId: 'permiso-municipal', patch: { done: true } });
    expect((await dbs.user.checklistItems.get([runId, 'permiso-municipal']))?.state.done).toBe(true);

    const serverItem = { runId, itemId: 'permiso-municipal', state: { done: false, note: 'Falta la firma' }, fieldHlc: { done: STAMP, note: STAMP }, updatedAt: 'x' };
    const { transport, seen } = scriptTransport((r) => {
      if (r.path === '/api/sync/push') return refuseAll(r);
      if (r.path.includes('scope=user&cursor=0')) {
        return json(200, { changes: [
          { table: 'events', id: eventId, version: 3, row: serverEvent(eventId, 'Feria del libro') },
          { table: 'checklist_items', id: `${runId}:permiso-municipal`, version: 5, row: serverItem },
        ], cursor: 41, hasMore: false });
      }
      return emptyPage(41);
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    // The pull started again from 0 (not from 40), and the item reads as the server holds it.
    expect(seen.some((r) => r.path.startsWith('/api/sync/pull?scope=user&cursor=0'))).toBe(true);
    expect((await dbs.user.checklistItems.get([runId, 'permiso-municipal']))?.state).toEqual({ done: false, note: 'Falta la firma' });
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBe(41);
    expect(await dbs.user.rejected.count()).toBe(1);
    expect((await dbs.user.events.get(eventId))?.title).toBe('Feria del libro');
  });

  it('an event the server never accepted does not stay on the phone as if it existed', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const event = makeEvent({ title: 'Evento de otra cuenta' });
    await recordMutation(dbs.user, 'event.save', event);
    const { transport } = scriptTransport((r) => (r.path === '/api/sync/push' ? refuseAll(r) : emptyPage(12)));
    await runSyncCycle({ ...dbs, transport });
    expect(await dbs.user.events.get(event.id)).toBeUndefined();
    // Not lost: the change waits in «Requiere atención» with everything typed.
    expect((await dbs.user.rejected.toArray())[0]).toMatchObject({ name: 'event.save', args: { title: 'Evento de otra cuenta' } });
  });

  it('a workshop edit refused: the local copy goes and the catalogue pull brings the server\'s workshop back', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const served = makeWorkshop({ title: 'Título del servidor' });
    await dbs.catalogue.workshops.put({ ...served, syncVersion: 3 });
    await dbs.catalogue.meta.put({ key: 'cursor:catalogue', value: 90 });
    const { updatedAt: _u, ...args } = served;
    await recordMutation(dbs.user, 'workshop.save', { ...args, title: 'Título cambiado sin permiso' });
    await dbs.catalogue.workshops.put({ ...served, title: 'Título cambiado sin permiso', isLocal: true });
    const { transport, seen } = scriptTransport((r) => {
      if (r.path === '/api/sync/push') return refuseAll(r);
      if (r.path.includes('scope=catalogue&cursor=0')) return json(200, { changes: [{ table: 'workshops', id: served.id, version: 3, row: served }], cursor: 91, hasMore: false });
      return emptyPage(91);
    });
    await runSyncCycle({ ...dbs, transport });
    expect(seen.some((r) => r.path.startsWith('/api/sync/pull?scope=catalogue&cursor=0'))).toBe(true);
    expect((await dbs.catalogue.workshops.get(served.id))?.title).toBe('Título del servidor');
    expect(await readCatalogueCursor(dbs.catalogue)).toBe(91);
  });

  it('feedback refused keeps the device\'s «sent» flag (the page shows the refusal) and rewinds nothing', async () => {
    const dbs = createDevice();
    const workshop = makeWorkshop();
    await recordMutation(dbs.user, 'feedback.submit', { id: uuidv7(), workshopId: workshop.id, workshopCode: workshop.code, ratings: { contenido: 4, facilitacion: 4, utilidad: 4, organizacion: 4 }, recommend: 8 });
    await writeMeta(dbs.user.meta, META_KEYS.userCursor, 7);
    const { transport } = scriptTransport((r) => (r.path === '/api/sync/push' ? refuseAll(r, 'forbidden') : emptyPage(0)));
    await runSyncCycle({ ...dbs, transport });
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBe(7);
    expect(await dbs.user.rejected.count()).toBe(1);
  });
});
