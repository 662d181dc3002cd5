import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIneiDirectory } from '../../../src/server/places/inei-directory';
import { countPlaces, importPlaces, listPlaceChanges } from '../../../src/server/places/places-store';
import { readCurrentVersion } from '../../../src/server/store/version';
import { hasIneiFile, readIneiFile, skipReason } from '../../unit/places/inei-file';
import { openPostgresTestStore, openSqliteTestStore, postgresUrl, type TestStore } from './place-stores';

const engines: Array<[string, () => Promise<TestStore>]> = [['SQLite', openSqliteTestStore]];
if (postgresUrl !== undefined) {
  const url = postgresUrl;
  engines.push(['PostgreSQL', () => openPostgresTestStore(url)]);
}
else console.warn('Se omite PostgreSQL en places: TEST_DATABASE_URL no está definida.');
if (!hasIneiFile) console.warn(skipReason);

const FEW_DISTRICTS = [
  { code: '150101', name: 'Lima' },
  { code: '150143', name: 'Villa María del Triunfo' },
  { code: '150501', name: 'San Vicente de Cañete' },
  { code: '070101', name: 'Callao' },
  { code: '080101', name: 'Cusco' },
];
const ALL_FIXED = 26 + 196;

describe.each(engines)('places in %s', (_, open) => {
  let test: TestStore;
  beforeEach(async () => { test = await open(); });
  afterEach(async () => { await test.dispose(); });

  it.skipIf(!hasIneiFile)('imports the real directory once; a second import changes nothing and takes no version', async () => {
    const { districts } = parseIneiDirectory(readIneiFile());
    const before = await readCurrentVersion(test.store.db);
    const first = await importPlaces(test.store.db, districts);
    expect(first).toMatchObject({ inserted: 2113, updated: 0, unchanged: 0, versionsTaken: 2113 });
    expect(await countPlaces(test.store.db)).toEqual({ region: 26, province: 196, district: 1891 });
    const afterFirst = await readCurrentVersion(test.store.db);
    expect(afterFirst - before).toBe(2113);

    const second = await importPlaces(test.store.db, parseIneiDirectory(readIneiFile()).districts);
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: 2113, removed: 0, absent: 0, versionsTaken: 0 });
    expect(await readCurrentVersion(test.store.db)).toBe(afterFirst);
    expect(await listPlaceChanges(test.store.db, afterFirst, 500)).toEqual([]);
  });

  it('keeps Lima Metropolitana and province 1501 apart and gives each place its RED region', async () => {
    await importPlaces(test.store.db, FEW_DISTRICTS);
    const rows = new Map((await listPlaceChanges(test.store.db, 0, 500)).map((c) => [c.id, c.row]));
    expect(rows.get('region:1501')).toEqual({ id: 'region:1501', level: 'region', code: '1501', name: 'Lima Metropolitana', parentCode: null, regionCode: '1501' });
    expect(rows.get('province:1501')).toMatchObject({ name: 'Lima', parentCode: '1501', regionCode: '1501' });
    expect(rows.get('province:1505')).toMatchObject({ name: 'Cañete', parentCode: '15', regionCode: '15' });
    expect(rows.get('district:150143')).toMatchObject({ parentCode: '1501', regionCode: '1501', name: 'Villa María del Triunfo' });
    expect(rows.get('district:150501')).toMatchObject({ parentCode: '1505', regionCode: '15' });
    expect(rows.get('district:070101')).toMatchObject({ regionCode: '07' });
    expect(rows.get('district:080101')).toMatchObject({ parentCode: '0801', regionCode: '08' });
    expect(rows.size).toBe(ALL_FIXED + FEW_DISTRICTS.length);
  });

  it('gives a renamed district, and only it, a new version that a pull finds', async () => {
    await importPlaces(test.store.db, FEW_DISTRICTS);
    const cursor = await readCurrentVersion(test.store.db);
    const renamed = FEW_DISTRICTS.map((d) => (d.code === '080101' ? { ...d, name: 'Qosqo' } : d));
    expect(await importPlaces(test.store.db, renamed)).toMatchObject({ updated: 1, unchanged: ALL_FIXED + 4, versionsTaken: 1 });
    expect(await listPlaceChanges(test.store.db, cursor, 500)).toEqual([{
      table: 'places', id: 'district:080101', version: cursor + 1,
      row: { id: 'district:080101', level: 'district', code: '080101', name: 'Qosqo', parentCode: '0801', regionCode: '08' },
    }]);
  });

  it('leaves a district missing from the input alone, unless told to retire it; a pull then sees a tombstone', async () => {
    await importPlaces(test.store.db, FEW_DISTRICTS);
    const fewer = FEW_DISTRICTS.filter((d) => d.code !== '070101');
    const cursor = await readCurrentVersion(test.store.db);
    expect(await importPlaces(test.store.db, fewer)).toMatchObject({ absent: 1, removed: 0, versionsTaken: 0 });
    expect(await importPlaces(test.store.db, fewer, { removeMissing: true })).toMatchObject({ removed: 1, versionsTaken: 1 });
    expect(await listPlaceChanges(test.store.db, cursor, 500)).toEqual([
      { table: 'places', id: 'district:070101', version: cursor + 1, deleted: true },
    ]);
    expect((await countPlaces(test.store.db)).district).toBe(4);
    expect(await importPlaces(test.store.db, FEW_DISTRICTS)).toMatchObject({ updated: 1, versionsTaken: 1 });
    expect((await countPlaces(test.store.db)).district).toBe(5);
  });

  it('pulls places in version order, a page at a time', async () => {
    await importPlaces(test.store.db, FEW_DISTRICTS);
    const first = await listPlaceChanges(test.store.db, 0, 100);
    const second = await listPlaceChanges(test.store.db, first.at(-1)!.version, 500);
    const versions = [...first, ...second].map((c) => c.version);
    expect(first).toHaveLength(100);
    expect(versions).toHaveLength(ALL_FIXED + FEW_DISTRICTS.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('refuses a district whose province is not ours, and stores nothing of that import', async () => {
    await expect(importPlaces(test.store.db, [...FEW_DISTRICTS, { code: '010801', name: 'Nueva' }])).rejects.toThrow('010801');
    expect(await countPlaces(test.store.db)).toEqual({ region: 0, province: 0, district: 0 });
  });
});
