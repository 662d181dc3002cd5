/**
 * Limits that hold behind a proxy and across processes (security report H3, L1, L5, L6): one
 * person's mistakes back off from their own address only, spraying from one address stops,
 * a disabled account says nothing about its password, two processes share every count, and
 * behind a proxy the address is the one the proxy saw, never one the client wrote.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, setAccountDisabled } from '../../../src/server/auth/users';
import type { TrustProxy } from '../../../src/server/config';
import type { SessionResponse } from '../../../src/shared/protocol';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, push } from '../../helpers/server-sync';
import { makeFeedback, makeWorkshopArgs } from '../workshops/workshop-fixtures';

const PASSWORD = 'quipu-de-Caral-2026';
let counter = 0;

async function newAccount(server: TestServer): Promise<string> {
  counter += 1;
  const email = `limite${counter}@muni.gob.pe`;
  await createAccount(server.store.db, { email, name: `Persona ${counter}`, roles: ['gestor'], password: PASSWORD });
  return email;
}

function login(app: FastifyInstance, email: string, password: string, address: string, forwardedFor?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password, deviceName: 'Moto G' },
    remoteAddress: address,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe.each(ENGINES)('login and participant limits on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
  });
  afterAll(async () => server.close());

  it('one person’s mistyped passwords back off from their address only: 5 free, then 1 s, 2 s…; elsewhere the account opens at once', async () => {
    const email = await newAccount(server);
    for (let i = 0; i < 5; i += 1) expect((await login(server.app, email, 'mala', '10.8.0.1')).statusCode).toBe(401);
    const waiting = await login(server.app, email, PASSWORD, '10.8.0.1');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.json().error).toEqual({ code: 'rate_limited', message: 'Demasiados intentos fallidos. Espere 1 segundo y vuelva a intentar.' });
    // The same account from another address is not stopped by someone else's mistakes.
    expect((await login(server.app, email, PASSWORD, '10.8.0.2')).statusCode).toBe(200);
    clock.advance(1000);
    expect((await login(server.app, email, 'mala', '10.8.0.1')).statusCode).toBe(401);
    expect((await login(server.app, email, PASSWORD, '10.8.0.1')).headers['retry-after']).toBe('2');
    clock.advance(2000);
    expect((await login(server.app, email, PASSWORD, '10.8.0.1')).statusCode).toBe(200);
    // A success clears the count: the next mistake is free again.
    expect((await login(server.app, email, 'mala', '10.8.0.1')).statusCode).toBe(401);
    expect((await login(server.app, email, PASSWORD, '10.8.0.1')).statusCode).toBe(200);
  });

  it('password spraying from one address stops after 30 failures across accounts, even for a right password; other addresses go on', async () => {
    const email = await newAccount(server);
    for (let i = 0; i < 30; i += 1) {
      expect((await login(server.app, `nadie${i}@muni.gob.pe`, 'Peru2026', '10.8.1.1')).statusCode).toBe(401);
    }
    const stopped = await login(server.app, email, PASSWORD, '10.8.1.1');
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(stopped.json().error.message).toBe('Demasiados intentos fallidos. Espere 15 minutos y vuelva a intentar.');
    expect((await login(server.app, email, PASSWORD, '10.8.1.2')).statusCode).toBe(200);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await login(server.app, email, PASSWORD, '10.8.1.1')).statusCode).toBe(200);
  });

  it('a disabled account answers its right password exactly like a wrong one: status, body, and about the same time', async () => {
    const active = await newAccount(server);
    const disabled = await newAccount(server);
    await setAccountDisabled(server.store.db, disabled, true);
    const wrongTimes: number[] = [];
    const disabledTimes: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      for (const [email, password, times] of [[active, 'mala', wrongTimes], [disabled, PASSWORD, disabledTimes]] as const) {
        const started = performance.now();
        const res = await login(server.app, email, password, `10.8.2.${i}`);
        times.push(performance.now() - started);
        expect(res.statusCode).toBe(401);
        bodies.add(res.body);
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: { code: 'invalid_credentials', message: 'El correo o la contraseña no son correctos.' } })]);
    // Both hash the password once: the medians stay within a factor of two of each other.
    const ratio = median(disabledTimes) / median(wrongTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('two server processes on one database share the counts: login failures and participants’ mutations', async () => {
    const twin = await server.startTwin();
    try {
      const email = await newAccount(server);
      const apps = [server.app, twin];
      for (let i = 0; i < 5; i += 1) expect((await login(apps[i % 2]!, email, 'mala', '10.8.3.1')).statusCode).toBe(401);
      for (const app of apps) expect((await login(app, email, PASSWORD, '10.8.3.1')).statusCode).toBe(429);

      const owner: SessionResponse = await createLoggedInUser(server, ['facilitador']);
      const staff = createDeviceQueue();
      const workshop = makeWorkshopArgs(clock.now(), { capacity: 10_000 });
      await push(server, owner, staff.clientId, [staff.next('workshop.save', workshop)]);
      const phone = createDeviceQueue();
      const send = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: '/api/sync/push',
          remoteAddress: '10.8.3.2',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ clientId: phone.clientId, mutations: Array.from({ length: 5 }, () => phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))) }),
        });
      clock.advance(60_000 - (clock.now() % 60_000));
      for (let i = 0; i < 24; i += 1) expect((await send(apps[i % 2]!)).statusCode).toBe(200);
      for (const app of apps) expect((await send(app)).statusCode).toBe(429);
    } finally {
      await twin.close();
    }
  });
});

describe('the client’s address behind a proxy', () => {
  const servers: TestServer[] = [];
  async function serverTrusting(trustProxy: TrustProxy): Promise<TestServer> {
    const server = await startTestServer('sqlite', { trustProxy });
    servers.push(server);
    return server;
  }
  async function addressesCounted(server: TestServer, email: string): Promise<string[]> {
    const rows = await server.store.db.selectFrom('login_failures').select('address').where('email', '=', email).execute();
    return [...new Set(rows.map((r) => r.address))];
  }
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('TINKUY_TRUST_PROXY=1: the address the proxy appended counts, so a rotating X-Forwarded-For written by the client is still limited', async () => {
    const server = await serverTrusting(1);
    const email = await newAccount(server);
    // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address it saw.
    for (let i = 0; i < 5; i += 1) {
      expect((await login(server.app, email, 'mala', '127.0.0.1', `198.51.100.${i}, 203.0.113.7`)).statusCode).toBe(401);
    }
    expect((await login(server.app, email, PASSWORD, '127.0.0.1', '198.51.100.99, 203.0.113.7')).statusCode).toBe(429);
    expect(await addressesCounted(server, email)).toEqual(['203.0.113.7']);
    // Another real client behind the same proxy is not stopped.
    expect((await login(server.app, email, PASSWORD, '127.0.0.1', '198.51.100.1, 203.0.113.8')).statusCode).toBe(200);
  });

  it('=N trusts N hops; a list trusts only those proxies, and a request that did not come through one keeps its own address', async () => {
    const twoHops = await serverTrusting(2);
    const email = await newAccount(twoHops);
    await login(twoHops.app, email, 'mala', '127.0.0.1', '198.51.100.5, 203.0.113.20, 10.0.0.2');
    expect(await addressesCounted(twoHops, email)).toEqual(['203.0.113.20']);

    const listed = await serverTrusting(['10.0.0.1', '192.168.0.0/16']);
    const other = await newAccount(listed);
    await login(listed.app, other, 'mala', '10.0.0.1', '198.51.100.6, 203.0.113.30');
    await login(listed.app, other, 'mala', '10.0.0.99', '203.0.113.31');
    expect((await addressesCounted(listed, other)).sort()).toEqual(['10.0.0.99', '203.0.113.30']);
  });
});
