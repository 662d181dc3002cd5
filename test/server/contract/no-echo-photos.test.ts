/**
 * No echo for photos (#12's rule, #13's rows): a phone does not download back the photo rows it
 * attached or removed itself; the other phones of the account do get them, and so does a pull
 * without the phone's id; a photo removed by another phone, or erased on the server, comes back.
 */
import { describe, expect, it } from 'vitest';
import { eraseEventPhotos } from '../../../src/server/media/media-erasure';
import { createDatabaseMediaStore } from '../../../src/server/media/media-store';
import { uuidv7 } from '../../../src/shared/ids';
import type { WireMutation } from '../../../src/shared/protocol';
import { ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, pullAll, push } from '../../helpers/server-sync';

type Device = ReturnType<typeof createDeviceQueue> & { cursor: number };

const SHA = (n: number) => n.toString(16).padStart(64, 'a');

describe.each(ENGINES)('no echo for photos on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], undefined, { realClock: true });

  async function newPhone(): Promise<Device> {
    return { ...createDeviceQueue(uuidv7()), cursor: (await pullAll(env.server, env.user)).cursor };
  }
  const send = (phone: Device, mutations: WireMutation[]) => push(env.server, env.user, phone.clientId, mutations, phone.cursor);
  /** Pulls every page as the phone (its echo left out); moves its cursor. */
  async function sync(phone: Device) {
    const changes = [];
    for (;;) {
      const page = await pull(env.server, env.user, { cursor: phone.cursor, clientId: phone.clientId });
      changes.push(...page.changes);
      phone.cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  }
  /** Ana's phone starts an event's checklist; both phones pull it. */
  async function startRun(ana: Device, rosa: Device): Promise<string> {
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(ana, [ana.next('event.save', event), ana.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 })]);
    await sync(ana);
    await sync(rosa);
    return runId;
  }
  const attach = (phone: Device, runId: string, photoId: string, n: number) =>
    phone.next('checklist.attachPhoto', { runId, itemId: 'seguro', photoId, sha256: SHA(n), width: 1600, height: 1200, bytes: 250_000, takenAt: '2026-11-28T20:42:07.000Z', caption: 'Póliza' });

  it('a phone does not get back the photos it attached or removed; the other phone and a pull without its id get them', async () => {
    const [ana, rosa] = [await newPhone(), await newPhone()];
    const runId = await startRun(ana, rosa);
    const [kept, removed] = [uuidv7(), uuidv7()];
    const before = ana.cursor;
    await send(ana, [attach(ana, runId, kept, 1), attach(ana, runId, removed, 2)]);
    expect(await sync(ana)).toEqual([]);
    expect((await sync(rosa)).map((c) => [c.table, c.id])).toEqual([['checklistPhotos', kept], ['checklistPhotos', removed]]);
    await send(ana, [ana.next('checklist.removePhoto', { runId, itemId: 'seguro', photoId: removed })]);
    expect(await sync(ana)).toEqual([]);
    expect(await sync(rosa)).toEqual([{ table: 'checklistPhotos', id: removed, version: expect.any(Number), deleted: true }]);
    const all = (await pullAll(env.server, env.user, 'user', 500, before)).changes.filter((c) => c.table === 'checklistPhotos');
    expect(all.map((c) => [c.id, c.deleted ?? false])).toEqual([[kept, false], [removed, true]]);
  });

  it('a photo removed by another phone comes back to the phone that attached it', async () => {
    const [ana, rosa] = [await newPhone(), await newPhone()];
    const runId = await startRun(ana, rosa);
    const photoId = uuidv7();
    await send(ana, [attach(ana, runId, photoId, 3)]);
    await sync(ana);
    await sync(rosa);
    await send(rosa, [rosa.next('checklist.removePhoto', { runId, itemId: 'seguro', photoId })]);
    expect(await sync(rosa)).toEqual([]);
    expect(await sync(ana)).toEqual([{ table: 'checklistPhotos', id: photoId, version: expect.any(Number), deleted: true }]);
  });

  it('a photo erased on the server (its event\'s data) comes back as a tombstone to the phone that attached it', async () => {
    const [ana, rosa] = [await newPhone(), await newPhone()];
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(ana, [ana.next('event.save', event), ana.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 })]);
    const photoId = uuidv7();
    await send(ana, [attach(ana, runId, photoId, 4)]);
    await sync(ana);
    await sync(rosa);
    const ctx = { db: env.server.store.db, engine: env.server.engine, now: Date.now };
    expect(await eraseEventPhotos(ctx, createDatabaseMediaStore(env.server.store.db), event.id)).toBe(1);
    expect(await sync(ana)).toEqual([{ table: 'checklistPhotos', id: photoId, version: expect.any(Number), deleted: true }]);
  });
});
