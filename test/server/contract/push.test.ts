import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCurrentVersion } from '../../../src/server/store/version';
import { uuidv7 } from '../../../src/shared/ids';
import { MAX_PUSH_BYTES, type SessionResponse } from '../../../src/shared/protocol';
import type { EventRow } from '../../../src/shared/schemas/event';
import type { ChecklistItemRow } from '../../../src/shared/schemas/checklist';
import { bearer, createLoggedInUser, ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push, pushRaw, stampAt } from '../../helpers/server-sync';

describe.each(ENGINES)('push on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Huamanga');

  async function readEvent(session: SessionResponse, id: string): Promise<EventRow | undefined> {
    const { changes } = await pullAll(env.server, session);
    return changes.filter((c) => c.id === id).at(-1)?.row as EventRow | undefined;
  }

  it('a replayed batch has one effect and the same answer', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    const batch = [device.next('event.save', event), device.next('event.archive', { id: event.id })];
    expect(await push(env.server, env.user, device.clientId, batch)).toEqual({ lastSeq: 2, rejected: [] });
    const versionAfterFirst = await readCurrentVersion(env.server.store.db);
    expect(await push(env.server, env.user, device.clientId, batch)).toEqual({ lastSeq: 2, rejected: [] });
    expect(await readCurrentVersion(env.server.store.db)).toBe(versionAfterFirst);
    expect(await readEvent(env.user, event.id)).toMatchObject({ id: event.id, archived: true, ownerId: env.user.user.id });
  });

  it('a retry that repeats an applied prefix applies only the new tail; a stale copy arriving late changes nothing', async () => {
    const device = createDeviceQueue();
    const events = [makeEventArgs({ title: 'Uno' }), makeEventArgs({ title: 'Dos' }), makeEventArgs({ title: 'Tres' })];
    const first = events.map((e) => device.next('event.save', e));
    const rename = device.next('event.save', { ...events[0]!, title: 'Uno, corregido' });
    expect((await push(env.server, env.user, device.clientId, first)).lastSeq).toBe(3);
    // The answer was lost on the way; the device resends everything it still holds, plus a new change.
    expect(await push(env.server, env.user, device.clientId, [...first, rename])).toEqual({ lastSeq: 4, rejected: [] });
    const version = await readCurrentVersion(env.server.store.db);
    // The first request, delayed in the network, arrives last: it is all a replay.
    expect(await push(env.server, env.user, device.clientId, first)).toEqual({ lastSeq: 4, rejected: [] });
    expect(await readCurrentVersion(env.server.store.db)).toBe(version);
    expect((await readEvent(env.user, events[0]!.id))?.title).toBe('Uno, corregido');
  });

  it('a batch whose seqs do not increase is refused whole with a Spanish 400', async () => {
    const device = createDeviceQueue();
    const a = device.next('event.save', makeEventArgs());
    const b = device.next('event.save', makeEventArgs());
    const res = await pushRaw(env.server, env.user, device.clientId, [b, a]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(['mutations: Los cambios deben ir en orden de secuencia.']);
  });

  it('a poison mutation between good ones is rejected with a Spanish reason; the good ones apply and lastSeq advances', async () => {
    const device = createDeviceQueue();
    const good1 = makeEventArgs({ title: 'Feria del libro' });
    const good2 = makeEventArgs({ title: 'Pasacalle de carnaval' });
    const batch = [
      device.next('event.save', good1),
      device.next('event.save', { ...makeEventArgs(), title: '   ' }),
      device.next('event.save', good2),
      device.next('event.explode', { id: uuidv7() }),
      device.next('event.archive', { id: uuidv7() }),
    ];
    const answer = await push(env.server, env.user, device.clientId, batch);
    expect(answer.lastSeq).toBe(5);
    expect(answer.rejected).toEqual([
      { seq: 2, code: 'validation_failed', message: expect.stringContaining('title: El título es obligatorio.') },
      { seq: 4, code: 'unknown_mutation', message: expect.stringContaining('Este tipo de cambio no existe en el servidor.') },
      { seq: 5, code: 'missing_record', message: 'El registro al que se refiere este cambio no existe en el servidor.' },
    ]);
    expect((await readEvent(env.user, good1.id))?.title).toBe('Feria del libro');
    expect((await readEvent(env.user, good2.id))?.title).toBe('Pasacalle de carnaval');
  });

  it('a mutation version newer than the env.server answers 426 and applies nothing of the batch', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    const known = device.next('event.save', event);
    const newer = device.next('event.save', makeEventArgs(), { v: 2 });
    const version = await readCurrentVersion(env.server.store.db);
    const res = await pushRaw(env.server, env.user, device.clientId, [known, newer]);
    expect(res.statusCode).toBe(426);
    expect(res.json().error.code).toBe('upgrade_required');
    expect(await readCurrentVersion(env.server.store.db)).toBe(version);
    expect(await readEvent(env.user, event.id)).toBeUndefined();
    // Nothing was recorded for the client either: the first mutation still applies later.
    expect(await push(env.server, env.user, device.clientId, [known])).toEqual({ lastSeq: 1, rejected: [] });
  });

  it('the same batch sent twice at the same moment (two tabs, a retry racing its original) applies once', async () => {
    const device = createDeviceQueue();
    const events = Array.from({ length: 5 }, () => makeEventArgs());
    const batch = events.map((e) => device.next('event.save', e));
    const version = await readCurrentVersion(env.server.store.db);
    const answers = await Promise.all(Array.from({ length: 4 }, () => pushRaw(env.server, env.user, device.clientId, batch)));
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ lastSeq: 5, rejected: [] });
    }
    expect(await readCurrentVersion(env.server.store.db)).toBe(version + 5);
  });

  it('pushes from many devices at once take distinct versions, the counter ends at the last one, and a cursor misses none', async () => {
    const before = await pullAll(env.server, env.user);
    const devices = Array.from({ length: 6 }, () => createDeviceQueue());
    const batches = devices.map((d) => Array.from({ length: 7 }, (_, i) => d.next('event.save', makeEventArgs({ title: `Evento ${i}` }))));
    const answers = await Promise.all(devices.map((d, i) => pushRaw(env.server, env.user, d.clientId, batches[i]!)));
    for (const res of answers) expect(res.json()).toEqual({ lastSeq: 7, rejected: [] });
    const after = await pullAll(env.server, env.user, 'user', 500, before.cursor);
    const versions = after.changes.map((c) => c.version);
    expect(versions).toHaveLength(42);
    expect(new Set(versions).size).toBe(42);
    expect(Math.max(...versions)).toBe(await readCurrentVersion(env.server.store.db));
    expect(new Set(after.changes.map((c) => c.id))).toEqual(new Set(batches.flat().map((m) => (m.args as { id: string }).id)));
  });

  it('accepts a gzip body, as the device sends it', async () => {
    const device = createDeviceQueue();
    const events = Array.from({ length: 50 }, (_, i) => makeEventArgs({ title: `Evento ${i + 1}` }));
    const res = await pushRaw(env.server, env.user, device.clientId, events.map((e) => device.next('event.save', e)), true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ lastSeq: 50, rejected: [] });
    expect((await readEvent(env.user, events[49]!.id))?.title).toBe('Evento 50');
  });

  it('a gzip body over 1 MiB once decompressed is a 413, however small it travels', async () => {
    const body = JSON.stringify({ clientId: uuidv7(), mutations: [], pad: ' '.repeat(MAX_PUSH_BYTES) });
    const compressed = gzipSync(body);
    expect(compressed.length).toBeLessThan(10_000);
    const res = await env.server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...bearer(env.user) },
      payload: compressed,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('a push without a valid bearer token is a 401 as a whole', async () => {
    const device = createDeviceQueue();
    const batch = [device.next('event.save', makeEventArgs())];
    const anonymous = await pushRaw(env.server, undefined, device.clientId, batch);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/Inicie sesión/) });
    const forged = await pushRaw(env.server, { ...env.user, accessToken: 'at_falso' }, device.clientId, batch);
    expect(forged.statusCode).toBe(401);
  });

  it('a client id already bound to another account is a 403 and nothing applies', async () => {
    const other = await createLoggedInUser(env.server, ['gestor']);
    const device = createDeviceQueue();
    await push(env.server, env.user, device.clientId, [device.next('event.save', makeEventArgs())]);
    const event = makeEventArgs();
    const res = await pushRaw(env.server, other, device.clientId, [device.next('event.save', event)]);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await readEvent(other, event.id)).toBeUndefined();
  });

  it('an older save arriving later does not overwrite a newer one (last writer by HLC wins)', async () => {
    const phone = createDeviceQueue(uuidv7(), env.clock.now() - 60_000);
    const laptop = createDeviceQueue(uuidv7(), env.clock.now() - 60_000);
    const event = makeEventArgs({ title: 'Título del teléfono' });
    const older = phone.next('event.save', event, { hlc: stampAt(env.clock.now() - 30_000, phone.clientId) });
    const newer = laptop.next('event.save', { ...event, title: 'Título de la laptop', venue: 'Coliseo' }, { hlc: stampAt(env.clock.now() - 10_000, laptop.clientId) });
    await push(env.server, env.user, laptop.clientId, [newer]);
    await push(env.server, env.user, phone.clientId, [older]);
    expect(await readEvent(env.user, event.id)).toMatchObject({ title: 'Título de la laptop', venue: 'Coliseo' });
  });

  it('a device env.clock days ahead is clamped: a later real edit still wins', async () => {
    const fast = createDeviceQueue();
    const honest = createDeviceQueue();
    const event = makeEventArgs({ title: 'Desde el reloj adelantado' });
    const oneDay = 24 * 60 * 60 * 1000;
    await push(env.server, env.user, fast.clientId, [fast.next('event.save', event, { hlc: stampAt(env.clock.now() + oneDay, fast.clientId) })]);
    env.clock.advance(10 * 60 * 1000);
    const fix = honest.next('event.save', { ...event, title: 'Corregido después' }, { hlc: stampAt(env.clock.now(), honest.clientId) });
    await push(env.server, env.user, honest.clientId, [fix]);
    expect((await readEvent(env.user, event.id))?.title).toBe('Corregido después');
  });

  it('checklist items merge field by field by HLC, whatever order the devices push in', async () => {
    const phone = createDeviceQueue();
    const tablet = createDeviceQueue();
    const event = makeEventArgs();
    const runId = uuidv7();
    const t = env.clock.now() - 50_000;
    await push(env.server, env.user, phone.clientId, [
      phone.next('event.save', event),
      phone.next('checklist.start', { runId, eventId: event.id, templateId: 'seguridad-aforo', templateVersion: 1 }),
    ]);
    // The tablet ticked "done" later but pushes first; the phone's older note and older "done" arrive after.
    await push(env.server, env.user, tablet.clientId, [
      tablet.next('checklist.setItem', { runId, itemId: 'plan-evacuacion', patch: { done: true } }, { hlc: stampAt(t + 20_000, tablet.clientId) }),
    ]);
    await push(env.server, env.user, phone.clientId, [
      phone.next('checklist.setItem', { runId, itemId: 'plan-evacuacion', patch: { done: false, note: 'Pedir plano a Defensa Civil' } }, { hlc: stampAt(t + 10_000, phone.clientId) }),
    ]);
    const { changes } = await pullAll(env.server, env.user);
    const item = changes.filter((c) => c.table === 'checklistItems' && c.id === `${runId}:plan-evacuacion`).at(-1)?.row as ChecklistItemRow;
    expect(item.state).toEqual({ done: true, note: 'Pedir plano a Defensa Civil' });
    expect(item.fieldHlc.done).toBe(stampAt(t + 20_000, tablet.clientId));
    expect(item.fieldHlc.note).toBe(stampAt(t + 10_000, phone.clientId));
  });

  it('checklist.start creates the run once; a second start and a repeated custom item change nothing', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    const runId = uuidv7();
    const start = { runId, eventId: event.id, templateId: 'musica-en-vivo', templateVersion: 3 };
    const add = { runId, itemId: 'permiso-apdayc', section: 'Permisos', text: 'Pagar derechos de autor (APDAYC)' };
    await push(env.server, env.user, device.clientId, [device.next('event.save', event), device.next('checklist.start', start), device.next('checklist.addItem', add)]);
    const version = await readCurrentVersion(env.server.store.db);
    const again = await push(env.server, env.user, device.clientId, [device.next('checklist.start', start), device.next('checklist.addItem', add)]);
    expect(again.rejected).toEqual([]);
    expect(await readCurrentVersion(env.server.store.db)).toBe(version);
    const runs = (await pullAll(env.server, env.user)).changes.filter((c) => c.id === runId);
    expect(runs.at(-1)?.row).toMatchObject({ eventId: event.id, templateVersion: 3, customItems: [{ itemId: 'permiso-apdayc', section: 'Permisos', text: 'Pagar derechos de autor (APDAYC)' }] });
  });

  it('checklist.start for an event the env.server never saw is rejected as missing', async () => {
    const device = createDeviceQueue();
    const answer = await push(env.server, env.user, device.clientId, [
      device.next('checklist.start', { runId: uuidv7(), eventId: uuidv7(), templateId: 'x', templateVersion: 1 }),
    ]);
    expect(answer.rejected).toEqual([{ seq: 1, code: 'missing_record', message: expect.any(String) }]);
  });

  it('an empty batch from a new device answers lastSeq 0 and changes nothing', async () => {
    const version = await readCurrentVersion(env.server.store.db);
    expect(await push(env.server, env.user, uuidv7(), [])).toEqual({ lastSeq: 0, rejected: [] });
    expect(await readCurrentVersion(env.server.store.db)).toBe(version);
  });
});
