/**
 * `GET /api/sync/head` (#10, live screens): an open screen's "anything new for me?" — 204 when
 * nothing past the device's cursors is for it (its own echoes aside), 200 with the scopes
 * otherwise; the idle answer is kept tiny (no security headers on a body-less 204).
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createLoggedInUser, ENGINES, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push } from '../../helpers/server-sync';

describe.each(ENGINES)('head on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], undefined, { realClock: true });

  const head = (query: Record<string, string | number>, session?: SessionResponse) =>
    env.server.app.inject({ method: 'GET', url: `/api/sync/head?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, headers: session ? bearer(session) : {} });

  it('answers a bare 204 to a device that is up to date, and names the catalogue when it is behind', async () => {
    const { cursor } = await pullAll(env.server, undefined, 'catalogue');
    const idle = await head({ catalogue: cursor });
    expect(idle.statusCode).toBe(204);
    expect(idle.body).toBe('');
    expect(idle.headers['content-security-policy']).toBeUndefined();
    expect(idle.headers['cache-control']).toBe('no-store');
    const behind = await head({ catalogue: cursor - 1 });
    expect(behind.statusCode).toBe(200);
    expect(behind.json()).toEqual({ scopes: ['catalogue'] });
    expect(behind.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves out the device\'s own writes, and names the user scope for a teammate\'s change', async () => {
    const ana = createDeviceQueue();
    const rosa = createDeviceQueue();
    const catalogue = (await pullAll(env.server, undefined, 'catalogue')).cursor;
    const start = (await pullAll(env.server, env.user)).cursor;
    await push(env.server, env.user, ana.clientId, [ana.next('event.save', makeEventArgs())], start);
    expect((await head({ catalogue, user: start, clientId: ana.clientId }, env.user)).statusCode).toBe(204);
    expect((await head({ catalogue, user: start, clientId: rosa.clientId }, env.user)).json()).toEqual({ scopes: ['user'] });
    expect((await head({ catalogue, user: start }, env.user)).json()).toEqual({ scopes: ['user'] });
    await push(env.server, env.user, rosa.clientId, [rosa.next('event.save', makeEventArgs())], start);
    expect((await head({ catalogue, user: start, clientId: ana.clientId }, env.user)).json()).toEqual({ scopes: ['user'] });
    // Another account's change is nobody else's news.
    const stranger = await createLoggedInUser(env.server, ['gestor']);
    const strangersStart = (await pullAll(env.server, stranger)).cursor;
    await push(env.server, env.user, ana.clientId, [ana.next('event.save', makeEventArgs())], start);
    expect((await head({ catalogue, user: strangersStart, clientId: uuidv7() }, stranger)).statusCode).toBe(204);
  });

  it('a push that carries both cursors is answered with the scopes still worth a pull: none for the phone\'s own writes', async () => {
    const ana = createDeviceQueue();
    const rosa = createDeviceQueue();
    const catalogueCursor = (await pullAll(env.server, undefined, 'catalogue')).cursor;
    const cursor = (await pullAll(env.server, env.user)).cursor;
    const pushWithCursors = async (device: typeof ana) => {
      const res = await env.server.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(env.user), payload: { clientId: device.clientId, mutations: [device.next('event.save', makeEventArgs())], cursor, catalogueCursor } });
      return res.json<{ news?: string[] }>().news;
    };
    expect(await pushWithCursors(ana)).toEqual([]);
    expect(await pushWithCursors(rosa)).toEqual(['user']);
    // Without the catalogue cursor (an older app) the answer says nothing about news.
    expect((await push(env.server, env.user, ana.clientId, [ana.next('event.save', makeEventArgs())], cursor)).news).toBeUndefined();
  });

  it('a push that asks for it carries the user page the phone would pull next: another phone\'s row, not its own writes', async () => {
    const ana = createDeviceQueue();
    const rosa = createDeviceQueue();
    const catalogueCursor = (await pullAll(env.server, undefined, 'catalogue')).cursor;
    const cursor = (await pullAll(env.server, env.user)).cursor;
    const send = async (device: typeof ana, event: ReturnType<typeof makeEventArgs>, extra: Record<string, unknown>) => {
      const res = await env.server.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(env.user), payload: { clientId: device.clientId, mutations: [device.next('event.save', event)], cursor, catalogueCursor, ...extra } });
      return res.json<{ news?: string[]; userPage?: { changes: { id: string }[]; cursor: number; hasMore: boolean } }>();
    };
    const rosas = makeEventArgs({ title: 'El de Rosa' });
    // Nothing new but its own write: no page, as no pull would follow.
    expect(await send(rosa, rosas, { pullLimit: 500 })).not.toHaveProperty('userPage');
    const answer = await send(ana, makeEventArgs(), { pullLimit: 500 });
    const full = await pullAll(env.server, env.user);
    expect(answer.userPage).toEqual({ changes: [expect.objectContaining({ id: rosas.id, table: 'events' })], cursor: full.cursor, hasMore: false });
    // Without pullLimit (an older app) the answer carries no page.
    expect(await send(ana, makeEventArgs(), {})).not.toHaveProperty('userPage');
  });

  it('asks for an account before it answers about the user scope, and refuses a malformed cursor in Spanish', async () => {
    const res = await head({ user: 0 });
    expect(res.statusCode).toBe(401);
    const bad = await head({ catalogue: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[áéíóúñ]|valor|inválid/i);
  });
});
