/**
 * What the person who runs the server sees: the real `node main.js` from a private SSR build, on a
 * first start with no configured account. In a terminal (or TINKUY_LOG_FORMAT=pretty) the lines
 * are readable, with the address to open and the one-time password in a box; piped to a file or a
 * collector they stay JSON, one object per line.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../helpers/e2e-server';

const ROOT = process.cwd();
// Inside node_modules so the bundle's bare imports resolve; never dist/, which others build.
const BUILD_DIR = resolve(ROOT, 'node_modules', `.tinkuy-log-test-${process.pid}`);
const dataDirs: string[] = [];

interface Started {
  child: ChildProcess;
  port: number;
  output(): string;
}

/** Starts the server on a fresh data dir (under `script` for a terminal) and waits for /api/health and its ready line. */
async function start(env: Record<string, string>, wrapInTerminal = false): Promise<Started> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tinkuy-logs-'));
  dataDirs.push(dataDir);
  const base: NodeJS.ProcessEnv = { ...process.env };
  // A first start with no configured account, on SQLite, whatever the caller's shell has set.
  for (const name of ['TINKUY_ADMIN_EMAIL', 'TINKUY_ADMIN_PASSWORD', 'DATABASE_URL', 'TINKUY_LOG_FORMAT']) delete base[name];
  Object.assign(base, { PORT: String(port), TINKUY_DATA_DIR: dataDir, TINKUY_LOG_LEVEL: 'info' }, env);
  const main = join(BUILD_DIR, 'main.js');
  // `script` gives the process a pseudo-terminal, as `npm start` in a terminal window does.
  const child = wrapInTerminal
    ? spawn('script', ['-qfec', `${process.execPath} ${main}`, '/dev/null'], { env: base, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, [main], { env: base, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 200; i += 1) {
    const isUp = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (isUp && output.includes('Tinkuy listo')) return { child, port, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${output}`);
}

function stop(started: Started): Promise<void> {
  return new Promise((done) => {
    started.child.once('exit', () => done());
    started.child.kill('SIGTERM');
  });
}

describe('the server log, as its keeper reads it', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--ssr', '--outDir', BUILD_DIR, '--logLevel', 'error'], { cwd: ROOT });
  }, 120_000);
  afterAll(() => {
    rmSync(BUILD_DIR, { recursive: true, force: true });
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('piped (not a terminal), every line is one JSON object; the password and the address are fields', async () => {
    const server = await start({});
    await fetch(`http://127.0.0.1:${server.port}/api/health`);
    await stop(server);
    const lines = server.output().trim().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const password = parsed.find((line) => typeof line.oneTimePassword === 'string');
    expect(password).toMatchObject({ level: 40, email: 'admin@tinkuy.local' });
    expect(parsed.find((line) => String(line.msg).startsWith('Tinkuy listo'))).toMatchObject({ url: `http://127.0.0.1:${server.port}` });
    expect(server.output()).not.toContain('╔');
  });

  it('with TINKUY_LOG_FORMAT=pretty: readable lines, the address to open, the password in a box, one line per request', async () => {
    const server = await start({ TINKUY_LOG_FORMAT: 'pretty' });
    await fetch(`http://127.0.0.1:${server.port}/api/health?desde=prueba`);
    await stop(server);
    const text = server.output();
    expect(text).not.toMatch(/^\{/m);
    expect(text).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d info  Tinkuy listo\\. Ábralo en el navegador: http://127\\.0\\.0\\.1:${server.port}`, 'm'));
    const box = /╔═+╗\n([\s\S]*?)╚═+╝/.exec(text)?.[1] ?? '';
    expect(box).toContain('PRIMER ARRANQUE');
    expect(box).toMatch(/Correo: +admin@tinkuy\.local/);
    const password = /Contraseña: +(\S+)/.exec(box)?.[1];
    expect(password).toMatch(/^\S{12,}$/);
    expect(text).toMatch(/^\d\d:\d\d:\d\d info  GET \/api\/health\?desde=prueba → 200 \(\d+ ms\)$/m);
    expect(text).not.toContain('incoming request');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('in a terminal with nothing set, the lines are readable too (no JSON)', async () => {
    const server = await start({ NO_COLOR: '1' }, true);
    await stop(server);
    const text = server.output().replace(/\r/g, '');
    expect(text).toMatch(/info  Tinkuy listo\. Ábralo en el navegador: http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('PRIMER ARRANQUE');
    expect(text).not.toMatch(/^\{"level"/m);
  });
});
