/**
 * `GET /api/workshops/by-code/<CÓDIGO>` (#12, the participant's door): the one workshop a QR code
 * names, public, exactly as the catalogue pull carries it; an unknown or removed code is a 404 in
 * Spanish and a malformed one a 400. Both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopByCodeResponse } from '../../../src/shared/protocol';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { pullAll } from '../../helpers/pull';

describe.each(ENGINES)('a workshop by its code on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer(engine)));
  afterAll(async () => server.close());

  const ask = (code: string) => server.app.inject({ method: 'GET', url: `/api/workshops/by-code/${code}` });

  it('answers anyone with the row the catalogue pull carries, for the code in any case', async () => {
    const workshops = (await pullAll(server, undefined, 'catalogue')).changes.filter((c) => c.table === 'workshops');
    expect(workshops.length).toBeGreaterThan(0);
    const pulled = workshops[0]!;
    const code = (pulled.row as { code: string }).code;
    const res = await ask(code.toLowerCase());
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<WorkshopByCodeResponse>()).toEqual({ change: pulled });
  });

  it('an unknown code is a 404 in Spanish, a malformed one a 400, a removed workshop is not found', async () => {
    const missing = await ask('ZZZZZ9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { message: string } }>().error.message).toMatch(/El código no corresponde a ningún taller/);
    const malformed = await ask('abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: { message: string } }>().error.message).toBe('Los datos enviados no son válidos.');
    const pulled = (await pullAll(server, undefined, 'catalogue')).changes.find((c) => c.table === 'workshops' && c.row)!;
    await server.store.db.updateTable('workshops').set({ deleted: 1 }).where('id', '=', pulled.id).execute();
    expect((await ask((pulled.row as { code: string }).code)).statusCode).toBe(404);
  });
});
