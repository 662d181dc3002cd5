import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { onVersionChange, openDatabases } from '../../../src/db/connection';
import { USER_DB_NAME } from '../../../src/db/user-db';

describe('a newer schema opened in another tab', () => {
  it('closes this tab’s database and tells the UI to reload', async () => {
    const factory = new IDBFactory();
    const { user } = openDatabases({ indexedDB: factory, IDBKeyRange });
    await user.open();
    let told = 0;
    const stop = onVersionChange(() => (told += 1));
    const newer = new Dexie(USER_DB_NAME, { indexedDB: factory, IDBKeyRange });
    newer.version(2).stores({ events: 'id', extra: 'id' });
    await newer.open();
    expect(told).toBe(1);
    expect(user.isOpen()).toBe(false);
    stop();
    newer.close();
  });
});
