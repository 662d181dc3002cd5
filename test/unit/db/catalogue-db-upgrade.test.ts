import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CatalogueDb, CATALOGUE_DB_NAME } from '../../../src/db/catalogue-db';
import { readCatalogueCursor } from '../../../src/db/catalogue-meta-store';
import { findWorkshopByCode, listWorkshops } from '../../../src/db/workshops-store';

/** A v1 device as the old pull left it: every row's `version` overwritten by the change's number. */
async function openV1(factory: IDBFactory): Promise<void> {
  const v1 = new Dexie(CATALOGUE_DB_NAME, { indexedDB: factory, IDBKeyRange });
  v1.version(1).stores({ entries: 'id, kind, updatedAt', checklistTemplates: 'id', workshops: 'id, code, startsAt', places: 'id, parentCode, level', meta: 'key' });
  await v1.open();
  await v1.table('entries').put({ id: 'calculo-de-aforo', kind: 'guia', title: 'Cálculo de aforo', version: 17 });
  await v1.table('checklistTemplates').put({ id: 'concierto', title: 'Concierto', version: 18 });
  await v1.table('workshops').put({ id: 'w1', code: 'ABC123', startsAt: '2026-12-01T14:00:00.000Z', version: 19 });
  await v1.table('places').put({ id: 'district:150101', parentCode: '1501', level: 'district', version: 20 });
  await v1.table('meta').put({ key: 'cursor:catalogue', value: 20 });
  v1.close();
}

/** The same device opened by this build. */
async function openUpgraded(): Promise<CatalogueDb> {
  const factory = new IDBFactory();
  await openV1(factory);
  const db = new CatalogueDb({ indexedDB: factory, IDBKeyRange });
  await db.open();
  return db;
}

describe('the catalogue database v2', () => {
  it('upgrading a v1 device moves the pull\'s number to syncVersion, keeps every row readable and pulls again from 0', async () => {
    const db = await openUpgraded();
    expect(db.verno).toBe(2);
    const entry = await db.entries.get('calculo-de-aforo');
    expect(entry).toMatchObject({ title: 'Cálculo de aforo', syncVersion: 17 });
    expect(entry).not.toHaveProperty('version');
    expect(await db.checklistTemplates.get('concierto')).not.toHaveProperty('version');
    expect((await db.checklistTemplates.get('concierto'))?.syncVersion).toBe(18);
    expect(await readCatalogueCursor(db)).toBe(0);
    db.close();
  });

  it('keeps the indexes the device queries (workshop code and date, places by parent and level) and drops the unused ones', async () => {
    const db = await openUpgraded();
    expect((await findWorkshopByCode(db, 'abc123'))?.id).toBe('w1');
    expect((await listWorkshops(db)).map((w) => w.id)).toEqual(['w1']);
    expect(await db.places.where('parentCode').equals('1501').count()).toBe(1);
    expect(await db.places.where('level').equals('district').count()).toBe(1);
    expect(db.entries.schema.indexes.map((index) => index.name)).toEqual([]);
    db.close();
  });
});
