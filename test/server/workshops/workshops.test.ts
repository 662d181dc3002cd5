import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkshops, SEED_WORKSHOPS } from '../../../src/server/workshops/seed';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { WorkshopRow } from '../../../src/shared/schemas/workshop';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push, stampAt } from '../../helpers/server-sync';
import { makeWorkshopArgs } from './workshop-fixtures';

const clock = createTestClock();

async function pullWorkshops(server: TestServer): Promise<Map<string, { version: number; row: WorkshopRow }>> {
  const { changes } = await pullAll(server, undefined, 'catalogue');
  return new Map(changes.filter((c) => c.table === 'workshops').map((c) => [c.id, { version: c.version, row: c.row as WorkshopRow }]));
}

describe.each(ENGINES)('workshops on %s', (engine) => {
  let server: TestServer;
  let facilitadora: SessionResponse;
  let otherFacilitador: SessionResponse;
  let coordinadora: SessionResponse;
  let gestor: SessionResponse;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    facilitadora = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
    otherFacilitador = await createLoggedInUser(server, ['facilitador'], 'Luis Mamani');
    coordinadora = await createLoggedInUser(server, ['coordinador'], 'Coordinación DGIA');
    gestor = await createLoggedInUser(server, ['gestor'], 'Gestor de Huanta');
  });
  afterAll(async () => server.close());

  it('a first start seeds the RED programme: six workshops public to anyone, owned by the first coordinador, with codes drawn at random', async () => {
    const workshops = await pullWorkshops(server);
    expect([...workshops.keys()].sort()).toEqual(SEED_WORKSHOPS.map((w) => w.id).sort());
    const first = workshops.get(SEED_WORKSHOPS[0]!.id)!.row;
    expect(first.title).toBe('Asistencia técnica para la organización y ejecución de eventos públicos culturales a nivel nacional');
    const admin = await server.store.db.selectFrom('users').select('id').where('email', '=', 'coordinacion@tinkuy.test').executeTakeFirstOrThrow();
    const owners = await server.store.db.selectFrom('workshops').select('owner_id').where('id', 'in', SEED_WORKSHOPS.map((w) => w.id)).execute();
    expect(new Set(owners.map((o) => o.owner_id))).toEqual(new Set([admin.id]));
    expect(new Set([...workshops.values()].map((w) => w.row.modality))).toEqual(new Set(['presencial', 'virtual', 'hibrida']));
    // The codes: valid, all different, none of them in the source, and another start draws others.
    const codes = [...workshops.values()].map((w) => w.row.code);
    expect(new Set(codes).size).toBe(6);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const source = readFileSync(fileURLToPath(new URL('../../../src/server/workshops/seed.ts', import.meta.url)), 'utf8');
    for (const code of codes) expect(source).not.toContain(code);
    const another = await startTestServer(engine, { now: clock.now });
    try {
      const otherCodes = [...(await pullWorkshops(another)).values()].map((w) => w.row.code);
      expect(otherCodes.filter((code) => codes.includes(code))).toEqual([]);
    } finally {
      await another.close();
    }
  });

  it('the anonymous programme pull carries no account data: no owner id, no co-facilitadores', async () => {
    const { changes } = await pullAll(server, undefined, 'catalogue');
    const rows = changes.filter((c) => c.table === 'workshops').map((c) => c.row as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(0);
    const userIds = (await server.store.db.selectFrom('users').select(['id', 'email']).execute()).flatMap((u) => [u.id, u.email]);
    for (const row of rows) {
      expect(Object.keys(row)).not.toContain('ownerId');
      expect(Object.keys(row)).not.toContain('coFacilitators');
      for (const account of userIds) expect(JSON.stringify(row)).not.toContain(account);
    }
  });

  it('who leads a workshop reaches only those who may change it (its owner, coordinación), never the anonymous pull', async () => {
    const device = createDeviceQueue();
    const workshop = makeWorkshopArgs(clock.now(), { title: 'Taller con dueña' });
    expect((await push(server, facilitadora, device.clientId, [device.next('workshop.save', workshop)])).rejected).toEqual([]);
    const leadsOf = async (session: SessionResponse | undefined, scope: 'user' | 'catalogue' = 'user') =>
      (await pullAll(server, session, scope)).changes.filter((c) => c.table === 'workshopLeads' && c.id === workshop.id).map((c) => c.row);
    // With its team of co-facilitadores named by account (none here).
    expect(await leadsOf(facilitadora)).toEqual([{ id: workshop.id, ownerId: facilitadora.user.id, cofacilitatorIds: [] }]);
    expect(await leadsOf(coordinadora)).toEqual([{ id: workshop.id, ownerId: facilitadora.user.id, cofacilitatorIds: [] }]);
    expect(await leadsOf(otherFacilitador)).toEqual([]);
    expect(await leadsOf(gestor)).toEqual([]);
    expect(await leadsOf(undefined, 'catalogue')).toEqual([]);
  });

  it('seeding again, and restarting, adds nothing and changes no version', async () => {
    const before = await pullWorkshops(server);
    expect(await seedWorkshops(server.store.db, engine, new Date().toISOString())).toBe(0);
    server = await server.restart();
    const after = await pullWorkshops(server);
    expect([...after.entries()].map(([id, w]) => [id, w.version])).toEqual([...before.entries()].map(([id, w]) => [id, w.version]));
  });

  it('a facilitador creates a workshop and owns it; a gestor may not create one', async () => {
    const device = createDeviceQueue();
    const workshop = makeWorkshopArgs(clock.now(), { title: 'Taller de mediación cultural' });
    expect((await push(server, facilitadora, device.clientId, [device.next('workshop.save', workshop)])).rejected).toEqual([]);
    const stored = (await pullWorkshops(server)).get(workshop.id)!.row;
    expect(stored).toMatchObject({ title: 'Taller de mediación cultural', code: workshop.code });
    const owner = await server.store.db.selectFrom('workshops').select('owner_id').where('id', '=', workshop.id).executeTakeFirstOrThrow();
    expect(owner.owner_id).toBe(facilitadora.user.id);
    const gestorDevice = createDeviceQueue();
    const answer = await push(server, gestor, gestorDevice.clientId, [gestorDevice.next('workshop.save', makeWorkshopArgs(clock.now()))]);
    expect(answer.rejected).toEqual([{ seq: 1, code: 'forbidden', message: 'Su cuenta no tiene permiso para esta acción.' }]);
  });

  it('only the owner or a coordinador edits a workshop, field by field by HLC', async () => {
    const owner = createDeviceQueue();
    const workshop = makeWorkshopArgs(clock.now());
    await push(server, facilitadora, owner.clientId, [owner.next('workshop.save', workshop)]);
    const intruder = createDeviceQueue();
    const refused = await push(server, otherFacilitador, intruder.clientId, [intruder.next('workshop.save', { ...workshop, title: 'Cambiado por otro' })]);
    expect(refused.rejected[0]?.code).toBe('not_owner');
    const office = createDeviceQueue();
    const edit = { ...workshop, capacity: 90 };
    expect((await push(server, coordinadora, office.clientId, [office.next('workshop.save', edit, { hlc: stampAt(clock.now(), office.clientId) })])).rejected).toEqual([]);
    // An older edit from the owner's offline phone arrives later: its capacity loses, as it is older.
    const late = owner.next('workshop.save', { ...workshop, capacity: 40 }, { hlc: stampAt(clock.now() - 60_000, owner.clientId) });
    await push(server, facilitadora, owner.clientId, [late]);
    expect((await pullWorkshops(server)).get(workshop.id)!.row).toMatchObject({ title: workshop.title, capacity: 90 });
  });

  it('a code already used by another workshop is refused with a reason in Spanish', async () => {
    const device = createDeviceQueue();
    const seeded = await pullWorkshops(server);
    const [second, third] = [seeded.get(SEED_WORKSHOPS[1]!.id)!.row, seeded.get(SEED_WORKSHOPS[2]!.id)!.row];
    const taken = makeWorkshopArgs(clock.now(), { code: second.code });
    const answer = await push(server, facilitadora, device.clientId, [device.next('workshop.save', taken)]);
    expect(answer.rejected).toEqual([
      { seq: 1, code: 'conflict', message: `El código ${second.code} ya lo usa otro taller («${second.title}»). Elija otro código.` },
    ]);
    // Renaming a code onto another's is refused too; the workshop keeps its own.
    const own = makeWorkshopArgs(clock.now());
    await push(server, facilitadora, device.clientId, [device.next('workshop.save', own)]);
    const rename = await push(server, facilitadora, device.clientId, [device.next('workshop.save', { ...own, code: third.code })]);
    expect(rename.rejected[0]?.code).toBe('conflict');
    expect((await pullWorkshops(server)).get(own.id)!.row.code).toBe(own.code);
  });
});
