import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlaces } from '../../../src/server/places/places-store';
import { markRowDeleted } from '../../../src/server/store/tombstone';
import { uuidv7 } from '../../../src/shared/ids';
import type { Change, SessionResponse } from '../../../src/shared/protocol';
import { createLoggedInUser, ENGINES, startTestServer, type TestServer, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pull, pullAll, push } from '../../helpers/server-sync';

describe.each(ENGINES)('pull on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], undefined, { realClock: true });

  it('pages by limit in version order, with hasMore until the last page', async () => {
    const device = createDeviceQueue();
    const events = Array.from({ length: 10 }, (_, i) => makeEventArgs({ title: `Evento ${i}` }));
    await push(env.server, env.user, device.clientId, events.map((e) => device.next('event.save', e)));
    const first = await pull(env.server, env.user, { cursor: 0, limit: 4 });
    const second = await pull(env.server, env.user, { cursor: first.cursor, limit: 4 });
    const third = await pull(env.server, env.user, { cursor: second.cursor, limit: 4 });
    expect([first.changes.length, second.changes.length, third.changes.length]).toEqual([4, 4, 2]);
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    const all = [...first.changes, ...second.changes, ...third.changes];
    expect(all.map((c) => c.id)).toEqual(events.map((e) => e.id));
    const versions = all.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(third.cursor).toBe(versions.at(-1));
    expect(all[0]).toEqual({ table: 'events', id: events[0]!.id, version: versions[0], row: expect.objectContaining({ title: 'Evento 0', archived: false }) });
  });

  it('an event carries the stamp of the write that set each field, so a device tells its own edits from others\' (issue 9)', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs({ title: 'Con sello' });
    const save = device.next('event.save', event);
    await push(env.server, env.user, device.clientId, [save]);
    const { changes } = await pullAll(env.server, env.user);
    const row = changes.find((c) => c.id === event.id)!.row as { fieldHlc: Record<string, string> };
    expect(row.fieldHlc.title).toBe(save.hlc);
    expect(row.fieldHlc.venue).toBe(save.hlc);
  });

  it('a page that ends exactly at the last row says hasMore false, and a pull past the end keeps the cursor', async () => {
    const { cursor } = await pullAll(env.server, env.user);
    const device = createDeviceQueue();
    await push(env.server, env.user, device.clientId, [device.next('event.save', makeEventArgs()), device.next('event.save', makeEventArgs())]);
    const page = await pull(env.server, env.user, { cursor, limit: 2 });
    expect(page.changes).toHaveLength(2);
    expect(page.hasMore).toBe(false);
    expect(await pull(env.server, env.user, { cursor: page.cursor, limit: 2 })).toEqual({ changes: [], cursor: page.cursor, hasMore: false });
  });

  it('a row removed on the env.server comes back as a tombstone, only to those who could see it', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs();
    await push(env.server, env.user, device.clientId, [device.next('event.save', event)]);
    const { cursor } = await pullAll(env.server, env.user);
    await env.server.store.db.transaction().execute((trx) => markRowDeleted(trx, 'events', event.id, new Date().toISOString()));
    const after = await pull(env.server, env.user, { cursor });
    expect(after.changes).toEqual([{ table: 'events', id: event.id, version: expect.any(Number), deleted: true }]);
    // From scratch the device never sees the old row, only its tombstone.
    const fromZero = (await pullAll(env.server, env.user)).changes.filter((c) => c.id === event.id);
    expect(fromZero).toEqual(after.changes);
    const stranger = await createLoggedInUser(env.server, ['gestor']);
    expect((await pullAll(env.server, stranger)).changes).toEqual([]);
    const coordinadora = await createLoggedInUser(env.server, ['coordinador']);
    expect((await pullAll(env.server, coordinadora)).changes.filter((c) => c.id === event.id)).toEqual(after.changes);
    // A tombstoned event cannot be edited back to life from an old device.
    const late = await push(env.server, env.user, device.clientId, [device.next('event.save', { ...event, title: 'Revivido' })]);
    expect(late.rejected).toEqual([{ seq: 2, code: 'missing_record', message: expect.any(String) }]);
  });

  it('the catalogue serves regions and provinces to anyone, a page at a time; districts come per region, retired ones gone', async () => {
    const all = await pullAll(env.server, undefined, 'catalogue', 100);
    // The catalogue also holds the entries and templates loaded on start: pages of 100 whatever its size.
    expect(all.pages).toBe(Math.ceil(all.changes.length / 100));
    const places = all.changes.filter((c) => c.table === 'places');
    expect(places.map((c) => c.id.split(':')[0]).sort()).toEqual([...Array(196).fill('province'), ...Array(26).fill('region')]);
    expect(new Set(all.changes.map((c) => c.table))).toEqual(new Set(['places', 'entries', 'checklistTemplates', 'workshops']));
    const ayacucho = async () => (await env.server.app.inject({ method: 'GET', url: '/api/places/districts?region=05' })).json<{ districts: string[][] }>().districts;
    expect(await ayacucho()).toContainEqual(['050116', 'Andrés Avelino Cáceres Dorregaray']);
    await importPlaces(env.server.store.db, [{ code: '050101', name: 'Ayacucho' }], { removeMissing: true });
    expect(await ayacucho()).toEqual([['050101', 'Ayacucho']]);
    // Retiring districts changes nothing in the catalogue pull.
    expect((await pull(env.server, undefined, { scope: 'catalogue', cursor: all.cursor })).changes).toEqual([]);
    // The user scope never carries catalogue rows.
    expect((await pullAll(env.server, env.user)).changes.some((c) => c.table === 'places')).toBe(false);
  });

  it('the catalogue pulls without an account; the user scope needs one', async () => {
    const catalogue = await env.server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=catalogue&cursor=7&limit=100' });
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json()).toMatchObject({ cursor: expect.any(Number), hasMore: expect.any(Boolean) });
    const user = await env.server.app.inject({ method: 'GET', url: '/api/sync/pull?scope=user&cursor=0' });
    expect(user.statusCode).toBe(401);
    expect(user.json().error.code).toBe('unauthorized');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['cursor=-1', 'cursor'],
    ['scope=todo', 'scope'],
    ['token=abc', 'token'],
  ])('a bad query (%s) is a 400 naming the field', async (query, field) => {
    const res = await env.server.app.inject({ method: 'GET', url: `/api/sync/pull?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.join(' ')).toContain(`${field}:`);
  });
});

describe.each(ENGINES)('concurrent pushes and pulls on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => server.close());

  /** One device pushing `batches` batches: new events, a run per event, ticks and re-saves. */
  async function pushMany(session: SessionResponse, batches: number): Promise<void> {
    const device = createDeviceQueue();
    const events: string[] = [];
    for (let b = 0; b < batches; b += 1) {
      const event = makeEventArgs({ title: `Lote ${b}` });
      const runId = uuidv7();
      events.push(event.id);
      const previous = events[Math.floor(events.length / 2)]!;
      await push(server, session, device.clientId, [
        device.next('event.save', event),
        device.next('checklist.start', { runId, eventId: event.id, templateId: 'general', templateVersion: 1 }),
        device.next('checklist.setItem', { runId, itemId: `item-${b}`, patch: { done: true } }),
        device.next('event.save', { ...makeEventArgs({ id: previous }), title: `Revisado en lote ${b}` }),
      ]);
    }
  }

  it('two devices pushing while a third pulls: the puller misses no row and ends on every final version', async () => {
    const [ana, beto, coordinadora] = await Promise.all([
      createLoggedInUser(server, ['gestor']),
      createLoggedInUser(server, ['gestor']),
      createLoggedInUser(server, ['coordinador']),
    ]);
    const seen = new Map<string, number>();
    let cursor = 0;
    let isPushing = true;
    const record = (changes: Change[]) => {
      for (const c of changes) {
        expect(c.version).toBeGreaterThan(seen.get(`${c.table}/${c.id}`) ?? 0);
        seen.set(`${c.table}/${c.id}`, c.version);
      }
    };
    const puller = (async () => {
      let pulls = 0;
      while (isPushing || pulls === 0) {
        const page = await pull(server, coordinadora, { cursor, limit: 3 });
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        record(page.changes);
        cursor = page.cursor;
        pulls += 1;
        if (pulls > 20_000) throw new Error('the pushers never finished');
        // A real puller waits on the network between pages. In-process, a GET on SQLite can
        // complete without ever leaving the microtask queue and would starve the pushers.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return pulls;
    })();
    try {
      await Promise.all([pushMany(ana, 15), pushMany(beto, 15)]);
    } finally {
      isPushing = false;
    }
    const pulls = await puller;
    const rest = await pullAll(server, coordinadora, 'user', 3, cursor);
    record(rest.changes);
    expect(pulls).toBeGreaterThan(1);

    const db = server.store.db;
    const finalRows = [
      ...(await db.selectFrom('events').select(['id', 'version']).execute()).map((r) => [`events/${r.id}`, Number(r.version)] as const),
      ...(await db.selectFrom('checklist_runs').select(['id', 'version']).execute()).map((r) => [`checklistRuns/${r.id}`, Number(r.version)] as const),
      ...(await db.selectFrom('checklist_items').select(['id', 'version']).execute()).map((r) => [`checklistItems/${r.id}`, Number(r.version)] as const),
      // Coordinación also pulls who leads each (seeded) workshop.
      ...(await db.selectFrom('workshops').select(['id', 'version']).execute()).map((r) => [`workshopLeads/${r.id}`, Number(r.version)] as const),
    ];
    expect(finalRows.filter(([key]) => !key.startsWith('workshopLeads/'))).toHaveLength(2 * 15 * 3);
    expect(new Map(finalRows)).toEqual(seen);
  });
});
