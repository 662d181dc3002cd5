import { describe, expect, it } from 'vitest';
import { pullScope, applyUserPage } from '../../../src/sync/pull';
import { runSyncCycle } from '../../../src/sync/sync-cycle';
import { getClientId, META_KEYS, readMeta, writeMeta } from '../../../src/db/meta-store';
import { readCatalogueCursor } from '../../../src/db/catalogue-meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { acceptAll, createDevice, emptyPage, json, makeEvent, queueEvents, scriptTransport, signIn } from './device-fixture';

const round = () => ({ refreshed: false });
const serverEvent = (id: string, title: string) => ({ ...makeEvent({ id, title }), ownerId: 'u1', archived: false, updatedAt: '2026-11-29T12:00:00.000Z' });

describe('pulling', () => {
  it('applies the rows of a page and its cursor together, then asks from that cursor', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const id = makeEvent().id;
    const { transport, seen } = scriptTransport((request) =>
      request.path.includes('cursor=0')
        ? json(200, { changes: [{ table: 'events', id, version: 7, row: serverEvent(id, 'Feria del libro') }], cursor: 7, hasMore: true })
        : json(200, { changes: [{ table: 'checklist_items', id: `${id}:permiso-municipal`, version: 9, row: { runId: id, itemId: 'permiso-municipal', state: { done: true }, fieldHlc: { done: '001764950400000:0000:abc' }, updatedAt: 'x' } }], cursor: 9, hasMore: false }),
    );
    expect(await pullScope({ ...dbs, transport }, round(), 'user')).toEqual({ kind: 'done' });
    const clientId = await getClientId(dbs.user);
    expect(seen.map((r) => r.path)).toEqual([
      `/api/sync/pull?scope=user&cursor=0&limit=500&clientId=${clientId}`,
      `/api/sync/pull?scope=user&cursor=7&limit=500&clientId=${clientId}`,
    ]);
    expect(seen[0]!.headers.authorization).toBe('Bearer access-1');
    expect((await dbs.user.events.get(id))?.title).toBe('Feria del libro');
    expect((await dbs.user.checklistItems.get([id, 'permiso-municipal']))?.state).toEqual({ done: true });
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBe(9);
  });

  it('writes nothing and keeps its cursor when the answer is not a pull page', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const { transport } = scriptTransport(() => json(200, { changes: 'todo', cursor: 99, hasMore: false }));
    expect(await pullScope({ ...dbs, transport }, round(), 'user')).toMatchObject({ kind: 'transient', code: 'unavailable' });
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBeUndefined();
  });

  it('deletes tombstoned rows', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const id = makeEvent().id;
    await dbs.user.events.put(serverEvent(id, 'Viejo'));
    const { transport } = scriptTransport(() => json(200, { changes: [{ table: 'events', id, version: 3, deleted: true }], cursor: 3, hasMore: false }));
    await pullScope({ ...dbs, transport }, round(), 'user');
    expect(await dbs.user.events.get(id)).toBeUndefined();
  });

  it('refuses to apply a page while the outbox holds a local edit: neither rows nor cursor change', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const mine = makeEvent({ title: 'Mi edición' });
    await recordMutation(dbs.user, 'event.save', mine);
    const applied = await applyUserPage(dbs.user, { changes: [{ table: 'events', id: mine.id, version: 4, row: serverEvent(mine.id, 'Del servidor') }], cursor: 4, hasMore: false });
    expect(applied).toBe(false);
    expect((await dbs.user.events.get(mine.id))?.title).toBe('Mi edición');
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBeUndefined();
  });

  it('pulls the catalogue without an account and keeps its cursor', async () => {
    const dbs = createDevice();
    const { transport, seen } = scriptTransport(() =>
      json(200, { changes: [{ table: 'entries', id: 'guia-1', version: 2, row: { kind: 'guia', title: 'Cómo pedir un permiso' } }, { table: 'checklist_templates', id: 'tpl-1', version: 3, row: { title: 'Concierto' } }], cursor: 3, hasMore: false }),
    );
    await pullScope({ ...dbs, transport }, round(), 'catalogue');
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect((await dbs.catalogue.entries.get('guia-1'))?.title).toBe('Cómo pedir un permiso');
    expect(await dbs.catalogue.checklistTemplates.get('tpl-1')).toBeDefined();
    expect(await readCatalogueCursor(dbs.catalogue)).toBe(3);
  });

  it('keeps an entry\'s content hash and a template\'s own version, with the change\'s version beside them', async () => {
    const dbs = createDevice();
    const { transport } = scriptTransport(() =>
      json(200, {
        changes: [
          { table: 'entries', id: 'guia-1', version: 41, row: { id: 'guia-1', title: 'Permisos', version: 'c0ffee12' } },
          { table: 'checklistTemplates', id: 'concierto', version: 42, row: { id: 'concierto', title: 'Concierto', version: 3 } },
        ],
        cursor: 42,
        hasMore: false,
      }),
    );
    await pullScope({ ...dbs, transport }, round(), 'catalogue');
    expect(await dbs.catalogue.entries.get('guia-1')).toMatchObject({ version: 'c0ffee12', syncVersion: 41 });
    expect(await dbs.catalogue.checklistTemplates.get('concierto')).toMatchObject({ version: 3, syncVersion: 42 });
  });
});

describe('a sync round', () => {
  it('after a push, pulls only the scopes the answer says hold news for this phone (#12: its own writes are none)', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 2);
    let news: string[] = [];
    const { transport, seen } = scriptTransport((request) => (request.path === '/api/sync/push' ? json(200, { lastSeq: (request.body as { mutations: { seq: number }[] }).mutations.at(-1)!.seq, rejected: [], news }) : emptyPage()));
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    expect(seen.map((r) => r.path)).toEqual(['/api/sync/push']);
    expect(seen[0]!.body).toMatchObject({ cursor: 0, catalogueCursor: 0 });
    expect(await readMeta(dbs.user.meta, META_KEYS.lastSyncedAt)).toEqual(expect.any(String));
    news = ['user'];
    seen.length = 0;
    await queueEvents(dbs, 1);
    await runSyncCycle({ ...dbs, transport });
    expect(seen.map((r) => r.path.split('&')[0])).toEqual(['/api/sync/push', '/api/sync/pull?scope=user']);
    // A phone that takes its own writes back cannot trust an answer that left them out.
    await writeMeta(dbs.user.meta, META_KEYS.echoOff, true);
    news = [];
    seen.length = 0;
    await queueEvents(dbs, 1);
    await runSyncCycle({ ...dbs, transport });
    expect(seen.map((r) => r.path.split('&')[0])).toEqual(['/api/sync/push', '/api/sync/pull?scope=catalogue', '/api/sync/pull?scope=user']);
  });

  it('takes the user page the push answer carries (#12): no pull when it was the last, a pull from its cursor when more follow', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 2);
    const teammates = makeEvent().id;
    let hasMore = false;
    const { transport, seen } = scriptTransport((request) => {
      if (request.path !== '/api/sync/push') return emptyPage();
      const lastSeq = (request.body as { mutations: { seq: number }[] }).mutations.at(-1)!.seq;
      const userPage = { changes: [{ table: 'events', id: teammates, version: 40, row: serverEvent(teammates, 'El de Rosa') }], cursor: 42, hasMore };
      return json(200, { lastSeq, rejected: [], news: ['user'], userPage });
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    // The push that empties the outbox asks for the page; the round needs no pull after it.
    expect(seen.map((r) => r.path)).toEqual(['/api/sync/push']);
    expect(seen[0]!.body).toMatchObject({ cursor: 0, pullLimit: 500 });
    expect((await dbs.user.events.get(teammates))?.title).toBe('El de Rosa');
    expect(await readMeta(dbs.user.meta, META_KEYS.userCursor)).toBe(42);
    hasMore = true;
    seen.length = 0;
    await queueEvents(dbs, 1);
    await runSyncCycle({ ...dbs, transport });
    expect(seen.map((r) => r.path.split('&').slice(0, 2).join('&'))).toEqual(['/api/sync/push', '/api/sync/pull?scope=user&cursor=42']);
  });

  it('leaves a carried page alone when its cursor is not the one the phone has, and pulls instead', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 1);
    const teammates = makeEvent().id;
    const { transport, seen } = scriptTransport(async (request) => {
      if (request.path !== '/api/sync/push') return emptyPage();
      // Something moved the phone's cursor while the push was on the wire.
      await writeMeta(dbs.user.meta, META_KEYS.userCursor, 7);
      const userPage = { changes: [{ table: 'events', id: teammates, version: 5, row: serverEvent(teammates, 'Viejo') }], cursor: 5, hasMore: false };
      return json(200, { lastSeq: 1, rejected: [], news: ['user'], userPage });
    });
    await runSyncCycle({ ...dbs, transport });
    expect(await dbs.user.events.get(teammates)).toBeUndefined();
    expect(seen.map((r) => r.path.split('&').slice(0, 2).join('&'))).toEqual(['/api/sync/push', '/api/sync/pull?scope=user&cursor=7']);
  });

  it('sends its pull cursor with a push and its id with the user pull, until a refusal: then it asks for its own writes too (#12)', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await writeMeta(dbs.user.meta, META_KEYS.userCursor, 41);
    await queueEvents(dbs, 2);
    let refuse = false;
    const { transport, seen } = scriptTransport((request) => {
      if (request.path !== '/api/sync/push') return emptyPage(41);
      if (!refuse) return acceptAll(request);
      const { seq } = (request.body as { mutations: { seq: number }[] }).mutations[0]!;
      return json(200, { lastSeq: seq, rejected: [{ seq, code: 'not_owner', message: 'Solo quien creó el evento puede cambiarlo.' }] });
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    const clientId = await getClientId(dbs.user);
    expect(seen.find((r) => r.path === '/api/sync/push')?.body).toMatchObject({ clientId, cursor: 41 });
    expect(seen.find((r) => r.path.includes('scope=user'))?.path).toContain(`&clientId=${clientId}`);
    // A refused mutation keeps its local effect on this phone: the server's rows must come back.
    refuse = true;
    seen.length = 0;
    await queueEvents(dbs, 1);
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    expect(await dbs.user.rejected.count()).toBe(1);
    // (The refusal also rewinds the cursor to 0: undo-refused.ts.)
    expect(seen.find((r) => r.path.includes('scope=user'))?.path).toBe('/api/sync/pull?scope=user&cursor=0&limit=500');
  });

  it('drains, then pulls the catalogue and the user data, and records when it finished', async () => {
    const dbs = createDevice(() => Date.parse('2026-11-29T17:00:00Z'));
    await signIn(dbs);
    await queueEvents(dbs, 2);
    const { transport, seen } = scriptTransport((request) => (request.path === '/api/sync/push' ? acceptAll(request) : emptyPage()));
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    expect(seen.map((r) => r.path.split('&')[0])).toEqual(['/api/sync/push', '/api/sync/pull?scope=catalogue', '/api/sync/pull?scope=user']);
    expect(await readMeta(dbs.user.meta, META_KEYS.lastSyncedAt)).toBe('2026-11-29T17:00:00.000Z');
  });

  it('drains again when a write lands between the push and the user pull, so the pull never hides it', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    const late = makeEvent({ title: 'Escrito durante la sincronización' });
    let wrote = false;
    const { transport, seen } = scriptTransport(async (request) => {
      if (request.path === '/api/sync/push') return acceptAll(request);
      if (request.path.includes('scope=user') && !wrote) {
        wrote = true;
        await recordMutation(dbs.user, 'event.save', late);
        return json(200, { changes: [{ table: 'events', id: late.id, version: 5, row: serverEvent(late.id, 'Versión vieja del servidor') }], cursor: 5, hasMore: false });
      }
      return emptyPage(5);
    });
    expect(await runSyncCycle({ ...dbs, transport })).toEqual({ kind: 'done' });
    const pushes = seen.filter((r) => r.path === '/api/sync/push');
    expect(pushes).toHaveLength(1);
    expect((await dbs.user.events.get(late.id))?.title).toBe('Escrito durante la sincronización');
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('still refreshes the catalogue while the outbox waits for a login', async () => {
    const dbs = createDevice();
    await queueEvents(dbs, 1);
    const { transport, seen } = scriptTransport(() => emptyPage());
    expect((await runSyncCycle({ ...dbs, transport })).kind).toBe('needs-login');
    expect(seen.map((r) => r.path.split('&')[0])).toEqual(['/api/sync/pull?scope=catalogue']);
    expect(await dbs.user.outbox.count()).toBe(1);
  });
});

describe('pulling the catalogue lean (#12)', () => {
  it('asks for lean entries and stores each with the search text derived from its title, summary and body', async () => {
    const dbs = createDevice();
    const body = [
      { type: 'heading', level: 2, id: 'pasos', text: [{ type: 'text', value: 'Pasos' }] },
      { type: 'list', ordered: true, items: [[{ type: 'paragraph', inlines: [{ type: 'text', value: 'Pida el ' }, { type: 'link', href: '/c/aforo', children: [{ type: 'text', value: 'aforo' }] }] }]] },
    ];
    const lean = { id: 'aforo-x', kind: 'guia', title: 'Aforo', summary: 'Cuántas personas caben.', body, toc: [], tags: [], related: [], version: 'h1' };
    const { transport, seen } = scriptTransport(() => json(200, { changes: [{ table: 'entries', id: 'aforo-x', version: 5, row: lean }], cursor: 5, hasMore: false }));
    expect(await pullScope({ ...dbs, transport }, round(), 'catalogue')).toEqual({ kind: 'done' });
    expect(seen[0]!.path).toBe('/api/sync/pull?scope=catalogue&cursor=0&limit=500&lean=1');
    const stored = (await dbs.catalogue.entries.get('aforo-x')) as { searchText?: string } | undefined;
    expect(stored?.searchText).toBe('Aforo\nCuántas personas caben.\nPasos\nPida el aforo');
    expect(await readCatalogueCursor(dbs.catalogue)).toBe(5);
  });
});

describe('a round on a participant\'s door (#12)', () => {
  it('pushes what waits but pulls no catalogue while the door says it wants none; afterwards it does', async () => {
    const dbs = createDevice();
    await signIn(dbs);
    await queueEvents(dbs, 1);
    const { transport, seen } = scriptTransport((r) => (r.path.startsWith('/api/sync/push') ? acceptAll(r) : emptyPage()));
    let isDoor = true;
    await runSyncCycle({ ...dbs, transport, wantsCatalogue: () => !isDoor });
    expect(seen.map((r) => r.path.split('&')[0])).toEqual(['/api/sync/push', '/api/sync/pull?scope=user']);
    isDoor = false;
    seen.length = 0;
    await runSyncCycle({ ...dbs, transport, wantsCatalogue: () => !isDoor });
    expect(seen.map((r) => r.path.split('&')[0])).toContain('/api/sync/pull?scope=catalogue');
  });
});
