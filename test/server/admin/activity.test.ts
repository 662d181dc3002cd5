import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { AdminAccount, AdminExport } from '../../../src/shared/schemas/admin';
import { bearer, createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, pull, push } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs } from '../workshops/workshop-fixtures';

describe.each(ENGINES)('Administración: devices, who synced when, erasure and exports, on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;
  let coordinadora: SessionResponse;
  let facilitadora: SessionResponse;
  let registradora: SessionResponse;
  const workshop = makeWorkshopArgs(clock.now(), { title: 'Taller de gestión cultural en Huamanga' });
  const second = makeWorkshopArgs(clock.now(), { title: 'Taller de Puno' });

  const call = (session: SessionResponse, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: bearer(session), ...(payload ? { payload } : {}) });
  const readAccount = async (id: string) =>
    (await call(coordinadora, 'GET', '/api/admin/accounts')).json<{ accounts: AdminAccount[] }>().accounts.find((a) => a.id === id)!;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    coordinadora = await createLoggedInUser(server, ['coordinador'], 'Coordinación DGIA');
    facilitadora = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
    const device = createDeviceQueue();
    await push(server, facilitadora, device.clientId, [device.next('workshop.save', workshop), device.next('workshop.save', second)]);
  });
  afterAll(async () => server.close());

  it("each device shows its last push and last pull; a pull does not move the push, and stamps are kept to the minute", async () => {
    const pushedAt = new Date(clock.now()).toISOString();
    const [device] = (await readAccount(facilitadora.user.id)).devices;
    expect(device).toEqual(expect.objectContaining({ id: expect.any(String), deviceName: 'Prueba', lastPushAt: pushedAt, lastPullAt: null }));

    clock.advance(2 * 60_000);
    await pull(server, facilitadora);
    const pulledAt = new Date(clock.now()).toISOString();
    expect((await readAccount(facilitadora.user.id)).devices[0]).toEqual(expect.objectContaining({ lastPushAt: pushedAt, lastPullAt: pulledAt }));

    clock.advance(20_000);
    await pull(server, facilitadora);
    expect((await readAccount(facilitadora.user.id)).devices[0]?.lastPullAt).toBe(pulledAt);
    clock.advance(60_000);
    await pull(server, facilitadora);
    expect((await readAccount(facilitadora.user.id)).devices[0]?.lastPullAt).toBe(new Date(clock.now()).toISOString());
  });

  it('the changes refused to an account are counted with the latest reason', async () => {
    const device = createDeviceQueue();
    const answer = await push(server, facilitadora, device.clientId, [device.next('event.save', { id: 'no-es-id' }), device.next('no.existe', {})]);
    expect(answer.rejected).toHaveLength(2);
    const { refusals } = await readAccount(facilitadora.user.id);
    expect(refusals).toEqual({ count: 2, lastAt: new Date(clock.now()).toISOString(), lastMessage: expect.stringMatching(/no existe en el servidor/) });
    expect((await readAccount(coordinadora.user.id)).refusals).toEqual({ count: 0, lastAt: null, lastMessage: null });
    clock.advance(31 * 24 * 60 * 60_000);
    const later = await createLoggedInUser(server, ['coordinador']);
    const stale = (await call(later, 'GET', '/api/admin/accounts')).json<{ accounts: AdminAccount[] }>().accounts.find((a) => a.id === facilitadora.user.id);
    expect(stale?.refusals.count).toBe(0);
    coordinadora = later;
    facilitadora = (await server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: facilitadora.refreshToken } })).json();
  });

  it("«Cerrar» ends one device's session of another account; it is gone from the list and its token answers 401", async () => {
    const { devices } = await readAccount(facilitadora.user.id);
    expect(devices).toHaveLength(1);
    const res = await call(coordinadora, 'DELETE', `/api/admin/sessions/${devices[0]!.id}`);
    expect(res.statusCode).toBe(204);
    expect((await readAccount(facilitadora.user.id)).devices).toEqual([]);
    expect((await call(facilitadora, 'GET', '/api/auth/sessions')).statusCode).toBe(401);
    const again = await call(coordinadora, 'DELETE', `/api/admin/sessions/${devices[0]!.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/ya estaba cerrada/);
  });

  it('a password reset answers a new one-time password once: the old password stops working, every device is signed out, and the person chooses a new one at login', async () => {
    const logIn = (email: string, password: string, newPassword?: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(newPassword ? { newPassword } : {}) } });
    const added = (await call(coordinadora, 'POST', '/api/admin/accounts', { email: 'gestora.reset@tinkuy.test', name: 'Gestora', roles: ['gestor'] })).json();
    const session = (await logIn('gestora.reset@tinkuy.test', added.oneTimePassword, 'clave-que-ella-olvido')).json<SessionResponse>();
    const res = await call(coordinadora, 'POST', `/api/admin/accounts/${added.account.id}/password`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { oneTimePassword, account } = res.json();
    expect(oneTimePassword).not.toBe(added.oneTimePassword);
    expect(account).toEqual(expect.objectContaining({ devices: [], mustChangePassword: true }));
    expect((await call(session, 'GET', '/api/auth/sessions')).statusCode).toBe(401);
    expect((await logIn('gestora.reset@tinkuy.test', 'clave-que-ella-olvido')).statusCode).toBe(401);
    expect((await logIn('gestora.reset@tinkuy.test', oneTimePassword)).statusCode).toBe(403);
    expect((await logIn('gestora.reset@tinkuy.test', oneTimePassword, 'clave-nueva-de-ella')).statusCode).toBe(200);
    expect((await call(coordinadora, 'POST', '/api/admin/accounts/0193a5b0-0000-7000-8000-000000000001/password')).statusCode).toBe(404);
  });

  it('the erasure preview lists what erasing would remove, in every workshop; after the erasure it is empty', async () => {
    // The facilitadora's only session was closed above: a coordinadora registers (she may, in any workshop).
    registradora = await createLoggedInUser(server, ['coordinador'], 'Registradora');
    const device = createDeviceQueue();
    const person = makePerson({ fullName: 'Teodoro Pari Yauri', documentType: 'dni', documentNumber: '41234567' });
    await push(server, registradora, device.clientId, [
      device.next('attendance.register', makeRegistration(workshop.id, person)),
      device.next('attendance.register', makeRegistration(second.id, person)),
      device.next('attendance.register', makeRegistration(second.id, makePerson({ fullName: 'Otra Persona', documentType: 'dni', documentNumber: '47654321' }))),
    ]);
    const preview = await call(coordinadora, 'POST', '/api/admin/erasure-preview', { documentType: 'dni', documentNumber: '4123 4567' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fullName: 'Teodoro Pari Yauri', workshopTitle: 'Taller de gestión cultural en Huamanga', workshopCode: workshop.code }),
        expect.objectContaining({ fullName: 'Teodoro Pari Yauri', workshopTitle: 'Taller de Puno' }),
      ]),
    );
    expect(preview.json().matches).toHaveLength(2);
    const byName = await call(coordinadora, 'POST', '/api/admin/erasure-preview', { fullName: 'TEODORO pari yauri', entityName: person.entityName });
    expect(byName.json().matches).toHaveLength(2);
    expect((await call(coordinadora, 'POST', '/api/attendance/erase', { documentType: 'dni', documentNumber: '41234567' })).json()).toEqual({ erased: 2 });
    expect((await call(coordinadora, 'POST', '/api/admin/erasure-preview', { documentType: 'dni', documentNumber: '41234567' })).json().matches).toEqual([]);
    expect((await call(coordinadora, 'POST', '/api/admin/erasure-preview', { documentNumber: '41234567' })).statusCode).toBe(400);
  });

  it('the export log across workshops: newest first, with the workshop and who exported', async () => {
    const device = createDeviceQueue();
    await push(server, registradora, device.clientId, [
      device.next('attendance.export', { workshopId: workshop.id, rows: 23, format: 'csv', at: '2026-11-29T14:58:00.000Z' }),
      device.next('attendance.export', { workshopId: second.id, rows: 7, format: 'csv', at: '2026-11-30T09:00:00.000Z' }),
    ]);
    const res = await call(coordinadora, 'GET', '/api/admin/exports');
    expect(res.statusCode).toBe(200);
    const exports = res.json<{ exports: AdminExport[] }>().exports;
    expect(exports.map((e) => [e.workshopTitle, e.rows, e.exportedBy?.id])).toEqual([
      ['Taller de Puno', 7, registradora.user.id],
      ['Taller de gestión cultural en Huamanga', 23, registradora.user.id],
    ]);
    expect(exports[0]).toEqual(expect.objectContaining({ workshopCode: second.code, format: 'csv', exportedAt: '2026-11-30T09:00:00.000Z' }));
  });
});
