import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_EMAIL } from '../../../src/server/auth/bootstrap';
import { REFRESH_GRACE_MS } from '../../../src/server/auth/sessions';
import { ACCESS_TTL_MS, REFRESH_TTL_MS } from '../../../src/server/auth/tokens';
import { createAccount, listAccounts } from '../../../src/server/auth/users';
import { runUsersCommand } from '../../../src/server/cli/users';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createLogCollector, createTestClock, ENGINES, startTestServer, type TestServer, useTestServer } from '../../helpers/server-app';

const PASSWORD = 'quipu-de-Caral-2026';

describe.each(ENGINES)('accounts and device sessions on %s', (engine) => {
  let server: TestServer;
  const clock = createTestClock();
  let counter = 0;

  async function newAccount(roles: ('gestor' | 'facilitador' | 'coordinador')[] = ['gestor']) {
    counter += 1;
    const email = `persona${counter}@muni.gob.pe`;
    await createAccount(server.store.db, { email, name: `Persona ${counter}`, roles, password: PASSWORD });
    return email;
  }
  const login = (email: string, password = PASSWORD, address = '10.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, deviceName: 'Moto G' }, remoteAddress: address });
  const logInChoosing = (email: string, password: string, newPassword: string) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, newPassword, deviceName: 'Moto G' }, remoteAddress: '10.0.0.1' });
  const refresh = (refreshToken: string) => server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const sessions = (session: SessionResponse) => server.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: bearer(session) });

  useTestServer(engine, (started) => (server = started), { now: clock.now });

  it('a login opens a device session with a short access token and a refresh token', async () => {
    const email = await newAccount();
    const res = await login(email.toUpperCase());
    expect(res.statusCode).toBe(200);
    const body = res.json<SessionResponse>();
    expect(body.expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(body.user).toMatchObject({ email, name: expect.any(String), roles: ['gestor'] });
    expect(body.accessToken).not.toBe(body.refreshToken);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await sessions(body)).json().sessions).toEqual([
      expect.objectContaining({ deviceName: 'Moto G', current: true }),
    ]);
  });

  it('a wrong password or an unknown email is a 401 with the same Spanish message', async () => {
    const email = await newAccount();
    const wrong = await login(email, 'otra-clave');
    const unknown = await login('nadie@muni.gob.pe');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('El correo o la contraseña no son correctos.');
  });

  it('the access token expires after 15 minutes and a refresh brings a new one', async () => {
    const first = (await login(await newAccount())).json<SessionResponse>();
    clock.advance(ACCESS_TTL_MS + 1000);
    expect((await sessions(first)).statusCode).toBe(401);
    const renewed = await refresh(first.refreshToken);
    expect(renewed.statusCode).toBe(200);
    const second = renewed.json<SessionResponse>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await sessions(second)).statusCode).toBe(200);
  });

  it('replaying a used refresh token revokes the whole session', async () => {
    const first = (await login(await newAccount())).json<SessionResponse>();
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    // Past the grace for a lost answer (refresh-grace.test.ts), a replay is a replay.
    clock.advance(REFRESH_GRACE_MS + 1_000);
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('unauthorized');
    // The thief's replay also ends the rightful device's session: both must log in again.
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
    expect((await sessions(second)).statusCode).toBe(401);
  });

  it('used refresh tokens are remembered 30 days to catch replays, then forgotten so they do not pile up', async () => {
    const first = (await login(await newAccount())).json<SessionResponse>();
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    clock.advance(31 * 24 * 60 * 60 * 1000);
    const third = (await refresh(second.refreshToken)).json<SessionResponse>();
    const kept = await server.store.db
      .selectFrom('refresh_tokens')
      .innerJoin('device_sessions', 'device_sessions.id', 'refresh_tokens.session_id')
      .select('refresh_tokens.used_at')
      .where('device_sessions.user_id', '=', third.user.id)
      .execute();
    expect(kept.map((t) => t.used_at === null).sort()).toEqual([false, true]);
    // The month-old token is now simply unknown: refused, and the live session stays.
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await sessions(third)).statusCode).toBe(200);
  });

  it('an unknown refresh token is a 401 and revokes nothing', async () => {
    const session = (await login(await newAccount())).json<SessionResponse>();
    expect((await refresh('rt_' + 'x'.repeat(43))).statusCode).toBe(401);
    expect((await sessions(session)).statusCode).toBe(200);
  });

  it('a session unused for 90 days ends; one used within 90 days lives on', async () => {
    const email = await newAccount();
    const kept = (await login(email)).json<SessionResponse>();
    const abandoned = (await login(email)).json<SessionResponse>();
    clock.advance(REFRESH_TTL_MS - 60_000);
    const keptAgain = (await refresh(kept.refreshToken)).json<SessionResponse>();
    clock.advance(120_000);
    expect((await refresh(abandoned.refreshToken)).statusCode).toBe(401);
    expect((await refresh(keptAgain.refreshToken)).statusCode).toBe(200);
  });

  it('logout answers 204 and ends only that device session', async () => {
    const email = await newAccount();
    const phone = (await login(email)).json<SessionResponse>();
    const laptop = (await login(email)).json<SessionResponse>();
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(phone) });
    expect(res.statusCode).toBe(204);
    expect((await sessions(phone)).statusCode).toBe(401);
    expect((await refresh(phone.refreshToken)).statusCode).toBe(401);
    const list = (await sessions(laptop)).json().sessions;
    expect(list).toHaveLength(1);
    expect(list[0].current).toBe(true);
  });

  it('logout without a token is a JSON 401', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('a person lists their device sessions and revokes one; not someone else’s', async () => {
    const email = await newAccount();
    const phone = (await login(email)).json<SessionResponse>();
    const tablet = (await login(email)).json<SessionResponse>();
    const stranger = (await login(await newAccount())).json<SessionResponse>();
    const list = (await sessions(phone)).json().sessions as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    const tabletId = list.find((s) => !s.current)!.id;
    const byStranger = await server.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${tabletId}`, headers: bearer(stranger) });
    expect(byStranger.statusCode).toBe(404);
    expect((await sessions(tablet)).statusCode).toBe(200);
    const byOwner = await server.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${tabletId}`, headers: bearer(phone) });
    expect(byOwner.statusCode).toBe(204);
    expect((await sessions(tablet)).statusCode).toBe(401);
    expect((await sessions(phone)).json().sessions).toHaveLength(1);
  });

  it('a disabled account cannot log in or refresh; its right password answers exactly like a wrong one', async () => {
    const email = await newAccount();
    const session = (await login(email)).json<SessionResponse>();
    const output: string[] = [];
    expect(await runUsersCommand(['disable', email], server.store, (l) => output.push(l))).toBe(0);
    const res = await login(email);
    const wrong = await login(email, 'otra-clave');
    expect([res.statusCode, res.body]).toEqual([401, wrong.body]);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
    expect((await sessions(session)).statusCode).toBe(401);
  });

  it('the users command adds, lists and resets passwords on the same database', async () => {
    const output: string[] = [];
    const print = (line: string) => output.push(line);
    expect(await runUsersCommand(['add', 'Facilitadora@DDC.gob.pe', '--name', 'Rosa Quispe', '--role', 'facilitador'], server.store, print)).toBe(0);
    const generated = output.find((l) => l.startsWith('Contraseña de un solo uso: '))!.split(': ')[1]!;
    // Generated, it is one-time: the first login asks for her own, which opens the session.
    expect((await login('facilitadora@ddc.gob.pe', generated)).json().error.code).toBe('password_change_required');
    expect((await logInChoosing('facilitadora@ddc.gob.pe', generated, 'la-suya-de-ayacucho')).statusCode).toBe(200);
    expect((await login('facilitadora@ddc.gob.pe', generated)).statusCode).toBe(401);
    expect((await login('facilitadora@ddc.gob.pe', 'la-suya-de-ayacucho')).statusCode).toBe(200);
    expect(await runUsersCommand(['add', 'facilitadora@ddc.gob.pe', '--name', 'Otra', '--role', 'gestor'], server.store, print)).toBe(1);
    expect(await runUsersCommand(['add', 'x@y.pe', '--name', 'X', '--role', 'alcalde'], server.store, print)).toBe(2);
    // Given with --password, it is the account's password as it is.
    expect(await runUsersCommand(['reset-password', 'facilitadora@ddc.gob.pe', '--password', 'nueva-clave-2026'], server.store, print)).toBe(0);
    expect((await login('facilitadora@ddc.gob.pe', 'la-suya-de-ayacucho')).statusCode).toBe(401);
    expect((await login('facilitadora@ddc.gob.pe', 'nueva-clave-2026')).statusCode).toBe(200);
    // Reset without --password: a new one-time password, and the old one no longer opens anything.
    output.length = 0;
    expect(await runUsersCommand(['reset-password', 'facilitadora@ddc.gob.pe'], server.store, print)).toBe(0);
    const again = output.find((l) => l.startsWith('Contraseña de un solo uso: '))!.split(': ')[1]!;
    expect((await login('facilitadora@ddc.gob.pe', 'nueva-clave-2026')).statusCode).toBe(401);
    expect((await login('facilitadora@ddc.gob.pe', again)).json().error.code).toBe('password_change_required');
    expect((await logInChoosing('facilitadora@ddc.gob.pe', again, 'otra-suya-de-ayacucho')).statusCode).toBe(200);
    output.length = 0;
    await runUsersCommand(['list'], server.store, print);
    expect(output.join('\n')).toMatch(/facilitadora@ddc\.gob\.pe\tRosa Quispe\tfacilitador\tactiva/);
  });
});

describe.each(ENGINES)('first start on %s', (engine) => {
  it('creates the coordinador from TINKUY_ADMIN_EMAIL and TINKUY_ADMIN_PASSWORD, once', async () => {
    const server = await startTestServer(engine, { admin: { email: 'dgia@cultura.gob.pe', password: 'clave-inicial-2026' } });
    try {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'dgia@cultura.gob.pe', password: 'clave-inicial-2026' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<SessionResponse>().user.roles).toEqual(['coordinador']);
      expect(await listAccounts(server.store.db)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('without configured credentials, makes admin@tinkuy.local with a one-time password printed once in the log', async () => {
    const log = createLogCollector();
    let server = await startTestServer(engine, { admin: null, logStream: log.stream });
    try {
      const line = log.lines().find((l) => l.oneTimePassword);
      expect(line).toMatchObject({ email: DEFAULT_ADMIN_EMAIL, level: 40 });
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: DEFAULT_ADMIN_EMAIL, password: line!.oneTimePassword },
      });
      // One-time: the first login asks for the coordinador's own password, then opens the session.
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'password_change_required']);
      const chosen = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: DEFAULT_ADMIN_EMAIL, password: line!.oneTimePassword, newPassword: 'coordinacion-dgia-2026' },
      });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json<SessionResponse>().user.roles).toEqual(['coordinador']);
      server = await server.restart();
      expect(log.lines().filter((l) => l.oneTimePassword)).toHaveLength(1);
      expect(await listAccounts(server.store.db)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('with a log level that drops warnings, the one-time password still reaches stderr once and opens a session', async () => {
    const printed: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)) as typeof process.stderr.write;
    let server: TestServer | undefined;
    try {
      server = await startTestServer(engine, { admin: null });
    } finally {
      process.stderr.write = write;
    }
    try {
      const password = /Contraseña:\s+(\S+)/.exec(printed.join(''))?.[1];
      expect(printed.join('')).toMatch(new RegExp(`Correo:\\s+${DEFAULT_ADMIN_EMAIL}`));
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEFAULT_ADMIN_EMAIL, password, newPassword: 'coordinacion-dgia-2026' } });
      expect(res.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
