import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRegions } from '../../../src/shared/places/regions';
import { importPlaces } from '../../../src/server/places/places-store';
import { readCurrentVersion } from '../../../src/server/store/version';
import { ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { pullAll } from '../../helpers/pull';

type Districts = { region: string; districts: Array<[string, string]> };

async function getDistricts(server: TestServer, region: string, etag?: string) {
  return server.app.inject({ method: 'GET', url: `/api/places/districts?region=${region}`, headers: etag ? { 'if-none-match': etag } : {} });
}

async function pullEveryRegion(server: TestServer): Promise<Map<string, Districts>> {
  const answers = new Map<string, Districts>();
  for (const { code } of listRegions()) {
    const res = await getDistricts(server, code);
    expect(res.statusCode).toBe(200);
    answers.set(code, res.json<Districts>());
  }
  return answers;
}

describe.each(ENGINES)('districts on a fresh start (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(engine); });
  afterAll(async () => server.close());

  it('a fresh server serves all 1,891 districts of INEI, region by region, without an account', async () => {
    const answers = await pullEveryRegion(server);
    const all = [...answers.values()].flatMap((a) => a.districts);
    expect(all).toHaveLength(1891);
    expect(new Set(all.map(([code]) => code)).size).toBe(1891);
    expect(new Set(all.map(([code]) => code.slice(0, 4))).size).toBe(196);
    expect(new Set(all.map(([code]) => code.slice(0, 2))).size).toBe(25);
    // The RED's regions: Lima Metropolitana and Callao apart from Lima Provincias.
    expect(answers.get('1501')!.districts).toHaveLength(43);
    expect(answers.get('07')!.districts).toHaveLength(7);
    expect(answers.get('15')!.districts).toHaveLength(128);
    expect(answers.get('15')!.districts).toContainEqual(['150501', 'San Vicente de Cañete']);
    expect(answers.get('1501')!.districts.every(([code]) => code.startsWith('1501'))).toBe(true);
    // The importer's mends apply to the carried file too.
    expect(answers.get('06')!.districts).toContainEqual(['060506', 'Santa Cruz de Toledo']);
  });

  it('the first catalogue download carries regions and provinces, never districts', async () => {
    const places = (await pullAll(server, undefined, 'catalogue')).changes.filter((c) => c.table === 'places');
    expect(places.filter((c) => c.id.startsWith('region:'))).toHaveLength(26);
    expect(places.filter((c) => c.id.startsWith('province:'))).toHaveLength(196);
    expect(places.some((c) => c.id.startsWith('district:'))).toBe(false);
  });

  it('a phone that has a region revalidates it for a 304, and a change makes a new answer', async () => {
    const first = await getDistricts(server, '21');
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await getDistricts(server, '21', etag);
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    await importPlaces(server.store.db, [{ code: '210101', name: 'Puno Renombrado' }]);
    const changed = await getDistricts(server, '21', etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Districts>().districts).toContainEqual(['210101', 'Puno Renombrado']);
  });

  it('a restart takes no version and keeps what an import changed later', async () => {
    await importPlaces(server.store.db, [{ code: '080101', name: 'Qosqo' }]);
    const before = await readCurrentVersion(server.store.db);
    server = await server.restart();
    expect(await readCurrentVersion(server.store.db)).toBe(before);
    expect((await getDistricts(server, '08')).json<Districts>().districts).toContainEqual(['080101', 'Qosqo']);
  });

  it('refuses a region that does not exist, in Spanish', async () => {
    const res = await getDistricts(server, '99');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('Región no válida');
  });
});
