import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/server/store/migrations/index';
import { MAX_PUSH_BYTES } from '../../../src/shared/protocol';
import { createLoggedInUser, ENGINES, startTestServer, bearer, type TestServer, useTestServer } from '../../helpers/server-app';

const EXPECTED_CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;connect-src 'self';" +
  "worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'";

/** A tiny stand-in for dist/client: index, service worker, manifest and one hashed asset. */
const SERVED_BUILD = { id: '4cf1559-20261206.045012', commit: '4cf1559', builtAt: '2026-12-06T04:50:12.000Z' };

function makeFakeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinkuy-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="es-PE"><title>Tinkuy</title><script type="module" src="/assets/index-AbC123.js"></script></html>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Tinkuy"}');
  writeFileSync(join(dir, 'build.json'), JSON.stringify(SERVED_BUILD));
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  return dir;
}

describe.each(ENGINES)('HTTP basics on %s', (engine) => {
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = makeFakeClientDir();
    server = await startTestServer(engine, { clientDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
  });
  /** A login request whose body is sent as this text, as this content type. */
  const postLoginText = (payload: string, contentType = 'application/json') =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });

  it('health answers ok with the app version, the build it serves, the applied migrations and the engine', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, version: '0.1.0', build: SERVED_BUILD.id, schema: Object.keys(MIGRATIONS).length, database: engine });
  });

  it('an unknown API route is a JSON 404 in Spanish', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/no-existe', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No encontramos lo que busca.' } });
  });

  it('a deep link opened in the browser gets index.html, so the app can route it', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/eventos/0193-abc', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Tinkuy</title>');
  });

  it('a missing file fetched by a script is a JSON 404, not index.html', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/assets/missing-123.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('malformed JSON is a 400 with a Spanish message', async () => {
    const res = await postLoginText('{"email": "a@b.pe", ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message: 'El cuerpo del envío no es JSON válido.' } });
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await postLoginText('hola', 'text/plain');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('an unsupported content encoding is a 415', async () => {
    const session = await createLoggedInUser(server, ['gestor']);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br', ...bearer(session) },
      payload: Buffer.from('{}'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('a login body over the limit is a 413', async () => {
    const res = await postLoginText(JSON.stringify({ email: 'a@b.pe', password: 'x'.repeat(100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringMatching(/demasiado grande/) } });
  });

  it('a plain push body over MAX_PUSH_BYTES is a 413', async () => {
    const session = await createLoggedInUser(server, ['gestor']);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json', ...bearer(session) },
      payload: JSON.stringify({ clientId: 'x', mutations: [], pad: 'x'.repeat(MAX_PUSH_BYTES) }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('a body that fails its schema is a 400 with Spanish details per field', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'no-es-correo', password: '', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Los datos enviados no son válidos.');
    expect(body.error.details).toEqual(
      expect.arrayContaining(['email: Escriba un correo válido.', 'password: Escriba su contraseña.', 'extra: campo no permitido.']),
    );
  });

  it('every answer carries the strict Content-Security-Policy, API and app alike', async () => {
    for (const url of ['/', '/api/health', '/api/no-existe']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('hashed assets are cached for a year; index, service worker and manifest are revalidated', async () => {
    const asset = await server.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('static files are gzip-compressed for a phone that asks', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe.each(ENGINES)('without a client build on %s', (engine) => {
  let server: TestServer;
  useTestServer(engine, (started) => (server = started));

  it('the API still runs and / says in Spanish to run the build', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const res = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toContain('npm run build');
  });
});

describe.each(ENGINES)('health when the database is gone on %s', (engine) => {
  it('answers 503 with ok:false', async () => {
    const server = await startTestServer(engine);
    // The database closes under the running app: what a lost PostgreSQL looks like to it.
    await server.store.db.destroy();
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, database: engine });
    await server.close().catch(() => undefined);
  });
});
