/**
 * No echo (#12): a device's pull leaves out the rows whose latest version it wrote itself,
 * exactly as it holds them, and moves its cursor past them; every other change still arrives —
 * another phone's, a merge that kept someone else's field, a clamped stamp, a server-side write.
 */
import { describe, expect, it } from 'vitest';
import { markRowDeleted } from '../../../src/server/store/tombstone';
import { uuidv7 } from '../../../src/shared/ids';
import { mergeFields } from '../../../src/shared/merge';
import type { ChecklistItemRow } from '../../../src/shared/schemas/checklist';
import type { WireMutation } from '../../../src/shared/protocol';
import { ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, pullAll, push, stampAt } from '../../helpers/server-sync';

type Device = ReturnType<typeof createDeviceQueue> & { cursor: number };

describe.each(ENGINES)('no echo on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], undefined, { realClock: true });

  /** A phone of the env.user that starts pulled up to date. */
  async function newPhone(startMs?: number): Promise<Device> {
    const queue = createDeviceQueue(uuidv7(), startMs);
    return { ...queue, cursor: (await pullAll(env.server, env.user)).cursor };
  }
  /** Two phones of the same account, Ana's and Rosa's, both up to date. */
  const twoPhones = async () => ({ ana: await newPhone(), rosa: await newPhone() });
  /** Pushes with the phone's cursor, as the app does. */
  const send = (phone: Device, mutations: WireMutation[]) => push(env.server, env.user, phone.clientId, mutations, phone.cursor);
  /** Pulls every page as the phone (its echo left out); moves its cursor. */
  async function sync(phone: Device) {
    const all = await pullAll(env.server, env.user, 'user', 500, phone.cursor);
    const withId = [];
    let cursor = phone.cursor;
    for (;;) {
      const page = await pull(env.server, env.user, { cursor, clientId: phone.clientId });
      withId.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(cursor, 'the cursor moves past echoes as far as a full pull').toBe(all.cursor);
    phone.cursor = cursor;
    return withId;
  }

  it('a phone does not get back the event, run and ticks it wrote; another phone and a pull without its id get them all', async () => {
    const { ana, rosa } = await twoPhones();
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(ana, [
      ana.next('event.save', event),
      ana.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 }),
      ana.next('checklist.setItem', { runId, itemId: 'seguro', patch: { done: true } }),
    ]);
    const before = ana.cursor;
    expect(await sync(ana)).toEqual([]);
    expect(ana.cursor).toBeGreaterThan(before);
    expect((await pullAll(env.server, env.user, 'user', 500, before)).changes.map((c) => c.table)).toEqual(['events', 'checklistRuns', 'checklistItems']);
    expect((await sync(rosa)).map((c) => c.id)).toEqual([event.id, runId, `${runId}:seguro`]);
  });

  /** Ana's pages at `limit`, from her cursor to the end: the ids on each and the cursor reached. */
  async function pagesOf(phone: Device, limit: number) {
    const pages: string[][] = [];
    let cursor = phone.cursor;
    for (;;) {
      const page = await pull(env.server, env.user, { cursor, limit, clientId: phone.clientId });
      pages.push(page.changes.map((c) => c.id));
      cursor = page.cursor;
      if (!page.hasMore) return { pages, cursor };
    }
  }

  it('echoes take no place on a page: after ten own writes, a teammate\'s row between them comes in one page, and the cursor passes them all', async () => {
    const { ana, rosa } = await twoPhones();
    await send(ana, Array.from({ length: 5 }, () => ana.next('event.save', makeEventArgs())));
    const rosas = makeEventArgs({ title: 'El de Rosa' });
    await send(rosa, [rosa.next('event.save', rosas)]);
    await send(ana, Array.from({ length: 5 }, () => ana.next('event.save', makeEventArgs())));
    // Before, a page of 4 was cut over the echoes too: three round trips ([], [Rosa's], []).
    expect(await pagesOf(ana, 4)).toEqual({ pages: [[rosas.id]], cursor: (await pullAll(env.server, env.user)).cursor });
  });

  it('a page full of others\' changes still stops at the limit, and the last page moves past the echoes after it', async () => {
    const { ana, rosa } = await twoPhones();
    const rosas = [makeEventArgs({ title: 'Primero de Rosa' }), makeEventArgs({ title: 'Segundo de Rosa' })];
    await send(ana, [ana.next('event.save', makeEventArgs())]);
    await send(rosa, [rosa.next('event.save', rosas[0]!)]);
    await send(ana, [ana.next('event.save', makeEventArgs())]);
    await send(rosa, [rosa.next('event.save', rosas[1]!)]);
    await send(ana, Array.from({ length: 3 }, () => ana.next('event.save', makeEventArgs())));
    expect(await pagesOf(ana, 1)).toEqual({ pages: [[rosas[0]!.id], [rosas[1]!.id]], cursor: (await pullAll(env.server, env.user)).cursor });
  });

  it('a teammate\'s change in between comes back; once pulled, the next own write over it does not', async () => {
    const { ana, rosa } = await twoPhones();
    const event = makeEventArgs();
    await send(ana, [ana.next('event.save', event)]);
    await sync(ana);
    await sync(rosa);
    await send(rosa, [rosa.next('event.save', { ...event, venue: 'Coliseo' })]);
    // Ana writes before pulling Rosa's change: the row she wrote over is one she does not hold.
    await send(ana, [ana.next('event.save', { ...event, title: 'Cambio de Ana' })]);
    const back = await sync(ana);
    expect(back.map((c) => c.row)).toEqual([expect.objectContaining({ title: 'Cambio de Ana' })]);
    // Now Ana holds it: her next write over it is hers alone.
    await send(ana, [ana.next('event.save', { ...event, title: 'Otra vez Ana', venue: 'Coliseo' })]);
    expect(await sync(ana)).toEqual([]);
    expect((await sync(rosa)).map((c) => c.row)).toEqual([expect.objectContaining({ title: 'Otra vez Ana' })]);
  });

  it('a tick merged over a teammate\'s newer note is skipped: the phone\'s own merge over the pulled item is the env.server\'s', async () => {
    const rosa = await newPhone(Date.parse('2026-11-30T14:00:00.000Z'));
    const ana = await newPhone(Date.parse('2026-11-29T14:00:00.000Z'));
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(rosa, [rosa.next('event.save', event), rosa.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 })]);
    await send(rosa, [rosa.next('checklist.setItem', { runId, itemId: 'seguro', patch: { note: 'Póliza de Rosa' } })]);
    const pulled = (await sync(ana)).find((c) => c.id === `${runId}:seguro`)!.row as ChecklistItemRow;
    // Ana's clock is a day behind: her note loses to Rosa's, her tick is taken.
    const tick = ana.next('checklist.setItem', { runId, itemId: 'seguro', patch: { note: 'Nota de Ana', done: true } });
    await send(ana, [tick]);
    expect(await sync(ana)).toEqual([]);
    const onAnasPhone = mergeFields({ values: pulled.state, fieldHlc: pulled.fieldHlc }, { note: 'Nota de Ana', done: true }, tick.hlc).state;
    const stored = (await pullAll(env.server, env.user)).changes.find((c) => c.id === `${runId}:seguro`)!.row as ChecklistItemRow;
    expect(stored.state).toEqual({ note: 'Póliza de Rosa', done: true });
    expect({ values: stored.state, fieldHlc: stored.fieldHlc }).toEqual(onAnasPhone);
  });

  it('a tick stamped far in the future is clamped by the env.server and comes back with the env.server\'s stamp', async () => {
    const ana = await newPhone();
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(ana, [ana.next('event.save', event), ana.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 })]);
    await sync(ana);
    const future = stampAt(Date.now() + 48 * 3_600_000, ana.clientId);
    await send(ana, [ana.next('checklist.setItem', { runId, itemId: 'sonido', patch: { done: true } }, { hlc: future })]);
    const back = await sync(ana);
    expect(back).toHaveLength(1);
    expect((back[0]!.row as { fieldHlc: { done: string } }).fieldHlc.done < future).toBe(true);
  });

  it('a tick over a teammate\'s pulled tick is skipped; a later change on the env.server voids the mark', async () => {
    const { ana, rosa } = await twoPhones();
    const event = makeEventArgs();
    const runId = uuidv7();
    await send(ana, [ana.next('event.save', event), ana.next('checklist.start', { runId, eventId: event.id, templateId: 'concierto', templateVersion: 1 })]);
    await sync(ana);
    await sync(rosa);
    await send(rosa, [rosa.next('checklist.setItem', { runId, itemId: 'limpieza', patch: { note: 'Rosa' } })]);
    expect(await sync(ana)).toHaveLength(1);
    await send(ana, [ana.next('checklist.setItem', { runId, itemId: 'limpieza', patch: { done: true } })]);
    expect(await sync(ana)).toEqual([]);
    await env.server.store.db.transaction().execute((trx) => markRowDeleted(trx, 'events', event.id, new Date().toISOString()));
    expect(await sync(ana)).toEqual([{ table: 'events', id: event.id, version: expect.any(Number), deleted: true }]);
  });

  it('a push without a cursor (an older app) still marks rows the phone made from scratch, and nothing it had pulled', async () => {
    const { ana, rosa } = await twoPhones();
    const event = makeEventArgs();
    await send(rosa, [rosa.next('event.save', event)]);
    await sync(ana);
    const fresh = makeEventArgs();
    await push(env.server, env.user, ana.clientId, [ana.next('event.save', fresh), ana.next('event.save', { ...event, title: 'Sin cursor' })]);
    expect((await sync(ana)).map((c) => c.id)).toEqual([event.id]);
  });
});
