import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeWithChromium, launchBrowser, newPhoneContext, watchPageProblems } from '../helpers/e2e-browser';
import { findFreePort, startServer } from '../helpers/e2e-server';

interface Health {
  ok: boolean;
  database: string;
}

async function readHealth(url: string): Promise<Health> {
  const response = await fetch(`${url}/api/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as Health;
}

describe('the e2e server harness runs the real built server', () => {
  it('starts on a free port with a fresh SQLite data dir, and stop() frees the port and removes the dir', async () => {
    const server = await startServer();
    expect((await readHealth(server.url)).database).toBe('sqlite');
    expect(existsSync(join(server.dataDir, 'tinkuy.db'))).toBe(true);
    await server.stop();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it('restart() comes back on the same port and data dir; kill() ends it like a crash', async () => {
    const first = await startServer();
    const second = await first.restart();
    try {
      expect(second.url).toBe(first.url);
      expect(second.dataDir).toBe(first.dataDir);
      expect((await readHealth(second.url)).ok).toBe(true);
      await second.kill('SIGKILL');
      await expect(fetch(`${second.url}/api/health`)).rejects.toThrow();
      expect(existsSync(second.dataDir)).toBe(true);
    } finally {
      await second.stop();
    }
    expect(existsSync(first.dataDir)).toBe(false);
  });

  it('a server that cannot start fails fast with its own log in the message', async () => {
    const closedPort = await findFreePort();
    await expect(startServer({ env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/nada` }, timeoutMs: 15_000 })).rejects.toThrow(
      /terminó antes de estar listo[\s\S]*registro/,
    );
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('the e2e server harness on PostgreSQL (TEST_DATABASE_URL)', () => {
  it('starts the real server on a fresh PostgreSQL database given as DATABASE_URL', async () => {
    const name = `tinkuy_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl!);
      url.pathname = `/${name}`;
      const server = await startServer({ env: { DATABASE_URL: url.toString() } });
      try {
        expect(await readHealth(server.url)).toMatchObject({ ok: true, database: 'postgres' });
      } finally {
        await server.stop();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describeWithChromium('the e2e browser harness', () => {
  it('opens a 360×640 es-PE phone in America/Lima and reports a CSP violation when one happens', async () => {
    const browser = await launchBrowser();
    try {
      const context = await newPhoneContext(browser);
      await context.route('http://tinkuy.test/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'content-security-policy': "script-src 'self'" },
          body: '<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1"><p>hola</p><script>document.title = "inline"</script>',
        }),
      );
      const page = await context.newPage();
      const problems = await watchPageProblems(page);
      await page.goto('http://tinkuy.test/');
      const seen = await page.evaluate(() => ({
        width: innerWidth,
        height: innerHeight,
        language: navigator.language,
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }));
      expect(seen).toEqual({ width: 360, height: 640, language: 'es-PE', zone: 'America/Lima' });
      await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
      expect(await page.title()).not.toBe('inline');
    } finally {
      await browser.close();
    }
  });
});
