/**
 * The real server process: `node main.js` from a private SSR build, on a temp data dir. It stops
 * cleanly on SIGTERM, and a restart keeps accounts, device sessions and synced data.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../helpers/e2e-server';
import { createDeviceQueue, makeEventArgs } from '../../helpers/server-sync';

const ROOT = process.cwd();
// Inside node_modules so the bundle's bare imports (fastify, kysely…) resolve; never dist/, which others build.
const BUILD_DIR = resolve(ROOT, 'node_modules', `.tinkuy-server-test-${process.pid}`);
const ADMIN = { email: 'coordinacion@tinkuy.test', password: 'clave-proceso-2026' };

interface Running {
  child: ChildProcess;
  output(): string;
}

async function startProcess(port: number, dataDir: string): Promise<Running> {
  let output = '';
  const child = spawn(process.execPath, [join(BUILD_DIR, 'main.js')], {
    env: { ...process.env, PORT: String(port), TINKUY_DATA_DIR: dataDir, TINKUY_ADMIN_EMAIL: ADMIN.email, TINKUY_ADMIN_PASSWORD: ADMIN.password, TINKUY_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  // A cold start (migrations, 2,000 places) takes a few seconds on a quiet machine and far more on a loaded one.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${output}`);
}

function stopProcess(running: Running): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolveStop) => {
    running.child.once('exit', (code) => resolveStop({ code, ms: Date.now() - started }));
    running.child.kill('SIGTERM');
  });
}

describe('the server process', () => {
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--ssr', '--outDir', BUILD_DIR, '--logLevel', 'error'], { cwd: ROOT });
    dataDir = mkdtempSync(join(tmpdir(), 'tinkuy-process-'));
    port = await findFreePort();
  }, 120_000);
  afterAll(() => {
    rmSync(BUILD_DIR, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops cleanly on SIGTERM and a restart keeps the device session and the synced data', async () => {
    const base = `http://127.0.0.1:${port}`;
    const first = await startProcess(port, dataDir);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ADMIN, deviceName: 'Laptop DGIA' }),
    });
    expect(login.status).toBe(200);
    const session = (await login.json()) as { accessToken: string; refreshToken: string };
    const device = createDeviceQueue();
    const event = makeEventArgs({ title: 'Encuentro regional de gestores' });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` };
    const pushed = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ clientId: device.clientId, mutations: [device.next('event.save', event)] }),
    });
    expect(await pushed.json()).toEqual({ lastSeq: 1, rejected: [] });

    const stopped = await stopProcess(first);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    expect(first.output()).toMatch(/"signal":"SIGTERM"/);

    const second = await startProcess(port, dataDir);
    try {
      const pulled = await fetch(`${base}/api/sync/pull?scope=user`, { headers });
      expect(pulled.status).toBe(200);
      const page = (await pulled.json()) as { changes: { table: string; id: string; row: { title: string } }[] };
      // The first coordinador also leads the seeded workshops (their workshopLeads rows come in the same scope).
      const events = page.changes.filter((c) => c.table === 'events');
      expect(events.map((c) => [c.id, c.row.title])).toEqual([[event.id, 'Encuentro regional de gestores']]);
      const refreshed = await fetch(`${base}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      expect(refreshed.status).toBe(200);
      // The account was created on the first start only.
      expect(second.output()).not.toMatch(/Primera cuenta/);
    } finally {
      expect((await stopProcess(second)).code).toBe(0);
    }
  }, 150_000);
});
