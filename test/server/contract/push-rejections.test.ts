import { describe, expect, it } from 'vitest';
import { readCurrentVersion } from '../../../src/server/store/version';
import { uuidv7 } from '../../../src/shared/ids';
import { ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, push } from '../../helpers/server-sync';

describe.each(ENGINES)('refusals survive a lost answer on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Cusco');

  it('a retried batch whose answer was lost gets the same refusals again, and no second effect', async () => {
    const device = createDeviceQueue();
    const batch = [
      device.next('event.save', makeEventArgs({ title: 'Feria artesanal' })),
      device.next('event.archive', { id: uuidv7() }),
      device.next('event.save', { ...makeEventArgs(), title: '' }),
    ];
    const first = await push(env.server, env.user, device.clientId, batch);
    expect(first.lastSeq).toBe(3);
    expect(first.rejected.map((r) => [r.seq, r.code])).toEqual([
      [2, 'missing_record'],
      [3, 'validation_failed'],
    ]);
    const version = await readCurrentVersion(env.server.store.db);
    // The answer never reached the device: it sends the same rows again.
    const retry = await push(env.server, env.user, device.clientId, batch);
    expect(retry).toEqual(first);
    expect(await readCurrentVersion(env.server.store.db)).toBe(version);
  });

  it('a retry that adds new rows answers the old refusals and the new ones, in seq order', async () => {
    const device = createDeviceQueue();
    const lost = [device.next('event.archive', { id: uuidv7() }), device.next('event.save', makeEventArgs())];
    await push(env.server, env.user, device.clientId, lost);
    const tail = [device.next('event.save', { ...makeEventArgs(), startsAt: 'mañana' }), device.next('event.save', makeEventArgs())];
    const answer = await push(env.server, env.user, device.clientId, [...lost, ...tail]);
    expect(answer.lastSeq).toBe(4);
    expect(answer.rejected.map((r) => [r.seq, r.code])).toEqual([
      [1, 'missing_record'],
      [3, 'validation_failed'],
    ]);
    expect(answer.rejected[0]!.message).toBe('El registro al que se refiere este cambio no existe en el servidor.');
  });

  it('a replay answers only the refusals of the rows it carries, and only for its own device', async () => {
    const device = createDeviceQueue();
    const other = createDeviceQueue();
    const batch = [device.next('event.save', makeEventArgs()), device.next('event.archive', { id: uuidv7() })];
    await push(env.server, env.user, device.clientId, batch);
    expect(await push(env.server, env.user, device.clientId, [batch[0]!])).toEqual({ lastSeq: 2, rejected: [] });
    const otherBatch = [other.next('event.save', makeEventArgs()), other.next('event.save', makeEventArgs())];
    expect(await push(env.server, env.user, other.clientId, otherBatch)).toEqual({ lastSeq: 2, rejected: [] });
    expect(await push(env.server, env.user, other.clientId, otherBatch)).toEqual({ lastSeq: 2, rejected: [] });
  });

  it('the refusals are kept across a env.server restart', async () => {
    const device = createDeviceQueue();
    const batch = [device.next('event.archive', { id: uuidv7() })];
    const first = await push(env.server, env.user, device.clientId, batch);
    env.server = await env.server.restart();
    expect(await push(env.server, env.user, device.clientId, batch)).toEqual(first);
  });
});
