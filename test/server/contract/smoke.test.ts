import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/server/store/migrations/index';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { MIGRATIONS } from '../../../src/server/store/migrations/index';

describe.each(ENGINES)('health on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => server.close());

  it('answers ok with version, schema and database', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, version: '0.1.0', schema: Object.keys(MIGRATIONS).length, database: engine });
  });
});
