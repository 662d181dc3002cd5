import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { AdminAccount } from '../../../src/shared/schemas/admin';
import { bearer, createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';

describe.each(ENGINES)('Administración: accounts, on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;
  let coordinadora: SessionResponse;
  let gestor: SessionResponse;

  const call = (session: SessionResponse | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: session ? bearer(session) : {}, ...(payload ? { payload } : {}) });
  const logIn = (email: string, password: string, newPassword?: string) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(newPassword ? { newPassword } : {}) } });
  const listAccounts = async () => (await call(coordinadora, 'GET', '/api/admin/accounts')).json<{ accounts: AdminAccount[] }>().accounts;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    coordinadora = await createLoggedInUser(server, ['coordinador'], 'Coordinación DGIA');
    gestor = await createLoggedInUser(server, ['gestor'], 'Gestora de Huanta');
  });
  afterAll(async () => server.close());

  it.each([
    { route: 'GET /api/admin/accounts', method: 'GET', url: '/api/admin/accounts' },
    { route: 'POST /api/admin/accounts', method: 'POST', url: '/api/admin/accounts', payload: { email: 'x@tinkuy.test', name: 'X', roles: ['gestor'] } },
    { route: 'POST …/active', method: 'POST', url: '/api/admin/accounts/0193a5b0-0000-7000-8000-000000000001/active', payload: { active: false } },
    { route: 'POST …/password', method: 'POST', url: '/api/admin/accounts/0193a5b0-0000-7000-8000-000000000001/password' },
    { route: 'DELETE /api/admin/sessions/:id', method: 'DELETE', url: '/api/admin/sessions/0193a5b0-0000-7000-8000-000000000001' },
    { route: 'POST /api/admin/erasure-preview', method: 'POST', url: '/api/admin/erasure-preview', payload: { documentType: 'dni', documentNumber: '1' } },
    { route: 'GET /api/admin/exports', method: 'GET', url: '/api/admin/exports' },
  ] as const)('$route: 401 without a session, 403 in Spanish for a gestor', async ({ method, url, ...rest }) => {
    const payload = 'payload' in rest ? rest.payload : undefined;
    expect((await call(undefined, method, url, payload)).statusCode).toBe(401);
    const refused = await call(gestor, method, url, payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Solo la coordinación de la RED administra las cuentas y los datos personales.');
  });

  it('a coordinadora adds an account with roles; its one-time password opens a session only with a new one the person chooses, and is in no later answer', async () => {
    const res = await call(coordinadora, 'POST', '/api/admin/accounts', { email: ' Facilitadora.Puno@Tinkuy.test ', name: 'Facilitadora de Puno', roles: ['facilitador', 'gestor'] });
    expect(res.statusCode).toBe(201);
    const { account, oneTimePassword } = res.json<{ account: AdminAccount; oneTimePassword: string }>();
    expect(account).toEqual(expect.objectContaining({ email: 'facilitadora.puno@tinkuy.test', name: 'Facilitadora de Puno', roles: ['facilitador', 'gestor'], active: true, devices: [] }));
    expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
    expect(account.mustChangePassword).toBe(true);
    // The one-time password alone opens no session: the person must choose their own with it.
    const alone = await logIn('facilitadora.puno@tinkuy.test', oneTimePassword);
    expect(alone.statusCode).toBe(403);
    expect(alone.json().error).toEqual({ code: 'password_change_required', message: 'Esta contraseña es de un solo uso. Elija ahora su propia contraseña para entrar.' });
    expect((await logIn('facilitadora.puno@tinkuy.test', oneTimePassword, 'corta')).statusCode).toBe(400);
    expect((await logIn('facilitadora.puno@tinkuy.test', oneTimePassword, oneTimePassword)).json().error.message).toMatch(/distinta/);
    const login = await logIn('facilitadora.puno@tinkuy.test', oneTimePassword, 'mi-clave-de-puno-2026');
    expect(login.statusCode).toBe(200);
    expect(login.json().user.roles).toEqual(['facilitador', 'gestor']);
    expect((await logIn('facilitadora.puno@tinkuy.test', oneTimePassword, 'otra-clave-de-puno')).statusCode).toBe(401);
    expect((await logIn('facilitadora.puno@tinkuy.test', 'mi-clave-de-puno-2026')).statusCode).toBe(200);
    const listed = await call(coordinadora, 'GET', '/api/admin/accounts');
    expect(listed.headers['cache-control']).toBe('no-store');
    expect(listed.body).not.toContain(oneTimePassword);
    expect(listed.body).not.toMatch(/scrypt|passwordHash|password_hash/i);
    expect(listed.json().accounts.find((a: AdminAccount) => a.id === account.id)).toEqual(expect.objectContaining({ mustChangePassword: false, devices: [expect.anything(), expect.anything()] }));
  });

  it('an email already taken is a 409; a body without roles or with a bad email is a 400 with Spanish details', async () => {
    const taken = await call(coordinadora, 'POST', '/api/admin/accounts', { email: coordinadora.user.email.toUpperCase(), name: 'Otra', roles: ['gestor'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toMatch(/Ya existe una cuenta con ese correo/);
    const bad = await call(coordinadora, 'POST', '/api/admin/accounts', { email: 'no-es-correo', name: '', roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining(['email: Escriba un correo válido.', 'name: El nombre es obligatorio.', 'roles: Elija al menos un rol.']),
    );
    const repeated = await call(coordinadora, 'POST', '/api/admin/accounts', { email: 'r@tinkuy.test', name: 'R', roles: ['gestor', 'gestor'] });
    expect(repeated.statusCode).toBe(400);
  });

  it('disabling an account signs its devices out at once and refuses its login; enabling lets it in again', async () => {
    const added = (await call(coordinadora, 'POST', '/api/admin/accounts', { email: 'gestor.cusco@tinkuy.test', name: 'Gestor de Cusco', roles: ['gestor'] })).json();
    const own = 'clave-propia-de-cusco';
    const session = (await logIn('gestor.cusco@tinkuy.test', added.oneTimePassword, own)).json<SessionResponse>();
    expect((await call(session, 'GET', '/api/auth/sessions')).statusCode).toBe(200);

    const off = await call(coordinadora, 'POST', `/api/admin/accounts/${added.account.id}/active`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().account).toEqual(expect.objectContaining({ active: false, devices: [] }));
    expect((await call(session, 'GET', '/api/auth/sessions')).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken } })).statusCode).toBe(401);
    expect((await logIn('gestor.cusco@tinkuy.test', own)).statusCode).toBe(401);

    const on = await call(coordinadora, 'POST', `/api/admin/accounts/${added.account.id}/active`, { active: true });
    expect(on.json().account.active).toBe(true);
    expect((await logIn('gestor.cusco@tinkuy.test', own)).statusCode).toBe(200);
  });

  it('a coordinadora cannot disable herself (409), and an unknown account is a 404', async () => {
    const self = await call(coordinadora, 'POST', `/api/admin/accounts/${coordinadora.user.id}/active`, { active: false });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toMatch(/No puede desactivar su propia cuenta/);
    expect((await listAccounts()).find((a) => a.id === coordinadora.user.id)?.active).toBe(true);
    const unknown = await call(coordinadora, 'POST', '/api/admin/accounts/0193a5b0-0000-7000-8000-000000000001/active', { active: false });
    expect(unknown.statusCode).toBe(404);
    expect((await call(coordinadora, 'POST', '/api/admin/accounts/no-es-id/active', { active: false })).statusCode).toBe(400);
    expect((await call(coordinadora, 'POST', `/api/admin/accounts/${gestor.user.id}/active`, { active: 'no' })).statusCode).toBe(400);
  });

  it('two coordinadores disabling each other at the same moment: one wins, the last active coordinador stays', async () => {
    const a = await createLoggedInUser(server, ['coordinador'], 'Coordinadora A');
    const b = await createLoggedInUser(server, ['coordinador'], 'Coordinador B');
    // Leave A and B as the only active coordinadores.
    for (const other of (await listAccounts()).filter((x) => x.roles.includes('coordinador') && x.active && x.id !== a.user.id && x.id !== b.user.id)) {
      expect((await call(a, 'POST', `/api/admin/accounts/${other.id}/active`, { active: false })).statusCode).toBe(200);
    }
    const [byA, byB] = await Promise.all([
      call(a, 'POST', `/api/admin/accounts/${b.user.id}/active`, { active: false }),
      call(b, 'POST', `/api/admin/accounts/${a.user.id}/active`, { active: false }),
    ]);
    expect([byA.statusCode, byB.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const loser = byA.statusCode === 200 ? byB : byA;
    // Refused as the last coordinador, or (if its turn came after) its own session already ended.
    expect([401, 409]).toContain(loser.statusCode);
    const stillActive = await server.store.db.selectFrom('users').select(['id', 'roles']).where('disabled', '=', 0).execute();
    expect(stillActive.filter((u) => u.roles.includes('coordinador'))).toHaveLength(1);
  });
});
