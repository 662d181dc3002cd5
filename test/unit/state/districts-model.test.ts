import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { ensureRegionDistricts } from '../../../src/state/districts-model';
import { suggestEntities } from '../../../src/state/entity-suggest-model';
import { setTransport } from '../../../src/sync/transport';
import { createDevice, json, scriptTransport } from '../sync/device-fixture';

let dbs: Databases;
beforeEach(() => {
  dbs = createDevice();
  useDatabases(dbs);
});
afterEach(() => {
  setTransport(undefined);
  useDatabases(undefined);
});

const PUNO = { region: '21', districts: [['210101', 'Puno'], ['210104', 'Chucuito'], ['210105', 'Coata']] };

/** A new session: another device object holding `previous`'s places and catalogue meta (its tags), made current. */
async function openSessionWithCatalogueOf(previous: Databases): Promise<Databases> {
  const next = createDevice();
  await next.catalogue.places.bulkPut(await previous.catalogue.places.toArray());
  await next.catalogue.meta.bulkPut(await previous.catalogue.meta.toArray());
  useDatabases(next);
  return next;
}

describe('districts per region, on the phone', () => {
  it('a district municipality is suggested once its region was fetched, and stays offline', async () => {
    const { transport, seen } = scriptTransport(() => json(200, PUNO, { etag: '"d21-5-3"' }));
    setTransport(transport);
    expect(await suggestEntities('municipalidad-distrital', 'chucu')).toEqual([]);
    const found = await suggestEntities('municipalidad-distrital', 'chucu', 6, '21');
    expect(found.map((s) => [s.name, s.regionCode])).toEqual([['Municipalidad Distrital de Chucuito', '21']]);
    expect(seen.map((r) => r.path)).toEqual(['/api/places/districts?region=21']);
    setTransport(async () => { throw new TypeError('Failed to fetch'); });
    expect((await suggestEntities('municipalidad-distrital', 'coata', 6, '21')).map((s) => s.name)).toEqual(['Municipalidad Distrital de Coata']);
  });

  it('a region the server renamed or retired a district in is replaced whole; an unchanged one costs a 304', async () => {
    const answers = [json(200, PUNO, { etag: '"a"' }), json(200, { region: '21', districts: [['210101', 'Puno']] }, { etag: '"b"' })];
    const { transport, seen } = scriptTransport((_request, i) => answers[i] ?? new Response(null, { status: 304 }));
    setTransport(transport);
    expect(await ensureRegionDistricts('21')).toBe(true);
    // A new session (another device object) asks again with the tag it has.
    const next = await openSessionWithCatalogueOf(dbs);
    expect(await ensureRegionDistricts('21')).toBe(true);
    expect(seen[1]?.headers['if-none-match']).toBe('"a"');
    expect((await next.catalogue.places.where('level').equals('district').toArray()).map((p) => p.code)).toEqual(['210101']);
    await openSessionWithCatalogueOf(next);
    expect(await ensureRegionDistricts('21')).toBe(false);
    expect(seen[2]?.headers['if-none-match']).toBe('"b"');
  });
});
