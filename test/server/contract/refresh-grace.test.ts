import { describe, expect, it } from 'vitest';
import { REFRESH_GRACE_MS } from '../../../src/server/auth/sessions';
import { createAccount } from '../../../src/server/auth/users';
import type { SessionResponse } from '../../../src/shared/protocol';
import { bearer, createTestClock, ENGINES, type TestServer, useTestServer } from '../../helpers/server-app';

const PASSWORD = 'tejido-de-Taquile-2026';

describe.each(ENGINES)('a lost refresh answer on %s', (engine) => {
  let server: TestServer;
  const clock = createTestClock();
  let counter = 0;

  async function loginNewAccount(): Promise<SessionResponse> {
    counter += 1;
    const email = `gracia${counter}@muni.gob.pe`;
    await createAccount(server.store.db, { email, name: `Persona ${counter}`, roles: ['gestor'], password: PASSWORD });
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD, deviceName: 'Moto E' } });
    return res.json<SessionResponse>();
  }
  const refresh = (refreshToken: string) => server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const isSessionAlive = async (session: SessionResponse) =>
    (await server.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: bearer(session) })).statusCode === 200;

  useTestServer(engine, (started) => (server = started), { now: clock.now });

  it('the token just used works again within the grace window while its successor is unused, and rotates', async () => {
    const first = await loginNewAccount();
    expect((await refresh(first.refreshToken)).statusCode).toBe(200); // this answer is lost
    clock.advance(REFRESH_GRACE_MS - 5_000);
    const retry = await refresh(first.refreshToken);
    expect(retry.statusCode).toBe(200);
    const renewed = retry.json<SessionResponse>();
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(await isSessionAlive(renewed)).toBe(true);
    // The new pair goes on rotating as usual.
    const next = await refresh(renewed.refreshToken);
    expect(next.statusCode).toBe(200);
    expect(await isSessionAlive(next.json<SessionResponse>())).toBe(true);
  });

  it('two lost answers in a row still leave the person signed in', async () => {
    const first = await loginNewAccount();
    await refresh(first.refreshToken);
    clock.advance(10_000);
    await refresh(first.refreshToken);
    clock.advance(10_000);
    const third = await refresh(first.refreshToken);
    expect(third.statusCode).toBe(200);
    expect(await isSessionAlive(third.json<SessionResponse>())).toBe(true);
  });

  it('after the grace window the old token is a replay: the session is revoked', async () => {
    const first = await loginNewAccount();
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    clock.advance(REFRESH_GRACE_MS + 1_000);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect(await isSessionAlive(second)).toBe(false);
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
  });

  it('once the successor was used, the old token is a replay even within the window', async () => {
    const first = await loginNewAccount();
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    const third = (await refresh(second.refreshToken)).json<SessionResponse>();
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect(await isSessionAlive(third)).toBe(false);
  });

  it('a token older than the one just used is a replay: the session is revoked', async () => {
    const first = await loginNewAccount();
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    const third = (await refresh(second.refreshToken)).json<SessionResponse>();
    clock.advance(1_000);
    // `second` is the token just used and its successor is unused: grace. `first` is older.
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect(await isSessionAlive(third)).toBe(false);
  });

  it('a refresh delivered twice: the device keeps the first answer and the duplicate does not sign it out', async () => {
    const first = await loginNewAccount();
    const kept = (await refresh(first.refreshToken)).json<SessionResponse>();
    expect((await refresh(first.refreshToken)).statusCode).toBe(200); // the duplicate, answered into the void
    const next = await refresh(kept.refreshToken);
    expect(next.statusCode).toBe(200);
    expect(await isSessionAlive(next.json<SessionResponse>())).toBe(true);
  });

  it('ten truly concurrent refreshes of one token (a request delivered many times at once) all answer 200 and keep the session', async () => {
    for (let trial = 0; trial < 3; trial += 1) {
      const first = await loginNewAccount();
      const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(first.refreshToken)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
      // The device kept whichever answer reached it (its access token may be superseded: one per
      // session); its refresh token goes on rotating and the session lives.
      const kept = answers[trial * 4]!.json<SessionResponse>();
      const next = await refresh(kept.refreshToken);
      expect(next.statusCode).toBe(200);
      expect(await isSessionAlive(next.json<SessionResponse>())).toBe(true);
    }
  });

  it('of the tokens a grace retry leaves, the first one used wins; presenting another later ends the session', async () => {
    const first = await loginNewAccount();
    const stolen = (await refresh(first.refreshToken)).json<SessionResponse>(); // answer "lost" to the device
    const renewed = (await refresh(first.refreshToken)).json<SessionResponse>(); // grace rotation
    const moved = (await refresh(renewed.refreshToken)).json<SessionResponse>();
    expect(await isSessionAlive(moved)).toBe(true);
    expect((await refresh(stolen.refreshToken)).statusCode).toBe(401);
    expect(await isSessionAlive(moved)).toBe(false);
  });
});
