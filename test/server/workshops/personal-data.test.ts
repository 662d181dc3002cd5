import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

describe.each(ENGINES)('personal data (Ley 29733) on %s', (engine) => {
  const clock = createTestClock();
  const first = makeWorkshopArgs(clock.now());
  const second = makeWorkshopArgs(clock.now(), { title: 'Segundo taller' });

  async function erase(session: SessionResponse | undefined, body: unknown) {
    return team.server.app.inject({ method: 'POST', url: '/api/attendance/erase', headers: session ? bearer(session) : {}, payload: body as object });
  }

  async function listExports(session: SessionResponse, workshopId: string) {
    return team.server.app.inject({ method: 'GET', url: `/api/workshops/${workshopId}/exports`, headers: bearer(session) });
  }

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    const device = createDeviceQueue();
    await push(server, owner, device.clientId, [device.next('workshop.save', first), device.next('workshop.save', second)]);
  });

  it('a coordinador erases a person by document in every workshop: tombstones with no data left, and a log of who, when and how many', async () => {
    const device = createDeviceQueue();
    const person = makePerson({ fullName: 'Teodoro Pari Yauri', documentType: 'dni', documentNumber: '41234567' });
    const kept = makeRegistration(first.id, makePerson({ fullName: 'Se queda', documentType: 'dni', documentNumber: '47654321' }));
    const records = [makeRegistration(first.id, person), makeRegistration(second.id, person), kept];
    await push(team.server, team.owner, device.clientId, records.map((r) => device.next('attendance.register', r)));

    const res = await erase(team.coordinadora, { documentType: 'dni', documentNumber: ' 4123-4567 ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ erased: 2 });
    const { changes } = await pullAll(team.server, team.owner);
    const latest = (id: string) => changes.filter((c) => c.id === id).at(-1);
    expect([latest(records[0]!.id), latest(records[1]!.id)]).toEqual([
      expect.objectContaining({ deleted: true }),
      expect.objectContaining({ deleted: true }),
    ]);
    expect(latest(kept.id)?.deleted).toBeUndefined();
    const stored = await team.server.store.db.selectFrom('attendance').selectAll().where('id', 'in', [records[0]!.id, records[1]!.id]).execute();
    expect(stored.map((row) => JSON.stringify(row))).not.toContainEqual(expect.stringMatching(/Teodoro|41234567/));
    const log = await team.server.store.db.selectFrom('attendance_erasures').selectAll().execute();
    expect(log).toEqual([expect.objectContaining({ erased_by: team.coordinadora.user.id, erased_at: new Date(clock.now()).toISOString(), matched_by: 'document', count: 2 })]);
    expect(JSON.stringify(log)).not.toMatch(/41234567|Teodoro/);
  });

  it('erasing by name and entity folds accents, case and spaces as the merge does', async () => {
    const device = createDeviceQueue();
    await push(team.server, team.owner, device.clientId, [
      device.next('attendance.register', makeRegistration(first.id, makePerson({ fullName: 'Ñusta Cóndor Ramírez', entityName: 'Municipalidad Provincial de Huamanga' }))),
    ]);
    clock.advance(60_000);
    const res = await erase(team.coordinadora, { fullName: 'NUSTA  condor ramirez', entityName: 'municipalidad provincial de huamanga' });
    expect(res.json()).toEqual({ erased: 1 });
  });

  it.each([
    { who: 'nobody', status: 401 },
    { who: 'a facilitador', status: 403 },
  ])('$who may not erase ($status)', async ({ who, status }) => {
    const res = await erase(who === 'nobody' ? undefined : team.owner, { documentType: 'dni', documentNumber: '47654321' });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(/[a-záéíóúñ]/);
  });

  it('the coordinación reads the erasure log (who, when, how, how many); a facilitador may not', async () => {
    const res = await team.server.app.inject({ method: 'GET', url: '/api/attendance/erasures', headers: bearer(team.coordinadora) });
    expect(res.statusCode).toBe(200);
    expect(res.json().erasures).toEqual([
      { id: expect.any(String), erasedBy: { id: team.coordinadora.user.id, name: 'Coordinación DGIA', email: team.coordinadora.user.email }, erasedAt: expect.any(String), matchedBy: 'name', count: 1 },
      { id: expect.any(String), erasedBy: expect.objectContaining({ id: team.coordinadora.user.id }), erasedAt: expect.any(String), matchedBy: 'document', count: 2 },
    ]);
    expect((await team.server.app.inject({ method: 'GET', url: '/api/attendance/erasures', headers: bearer(team.owner) })).statusCode).toBe(403);
  });

  it('an erase request with neither a document nor a name is a 400 in Spanish', async () => {
    const res = await erase(team.coordinadora, { documentNumber: '47654321' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('a CSV export made offline is logged once with who and when; the owner and coordinadores read the log, nobody else', async () => {
    const device = createDeviceQueue();
    const exported = device.next('attendance.export', { workshopId: first.id, rows: 23, format: 'csv', at: '2026-11-29T14:58:00.000Z' });
    await push(team.server, team.owner, device.clientId, [exported]);
    await push(team.server, team.owner, device.clientId, [exported]);
    const res = await listExports(team.owner, first.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().exports).toEqual([
      {
        id: expect.any(String),
        workshopId: first.id,
        exportedBy: { id: team.owner.user.id, name: 'Rosa Huamán', email: team.owner.user.email },
        rows: 23,
        format: 'csv',
        exportedAt: '2026-11-29T14:58:00.000Z',
        loggedAt: new Date(clock.now()).toISOString(),
      },
    ]);
    expect((await listExports(team.coordinadora, first.id)).statusCode).toBe(200);
    expect((await listExports(team.otherFacilitador, first.id)).statusCode).toBe(403);
    expect((await listExports(team.owner, uuidv7())).statusCode).toBe(404);
  });
});
