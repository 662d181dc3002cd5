import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { UserDb, USER_DB_NAME } from '../../../src/db/user-db';
import { setFavourite } from '../../../src/db/favourites-store';
import { listRecents, recordOpened, RECENTS_KEPT } from '../../../src/db/recents-store';
import { getReadingProgress, saveReadingProgress } from '../../../src/db/reading-progress-store';

describe('the user database v2 (favourites, recents, reading progress)', () => {
  it('upgrading a v1 device keeps what the person wrote and adds the empty reader tables', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie(USER_DB_NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores({ events: 'id, archived, startsAt, updatedAt', outbox: '++seq', meta: 'key', checklistRuns: 'id, eventId', checklistItems: '[runId+itemId], runId', attendance: 'id, workshopId', feedback: 'id, workshopId', rejected: '++id, seq' });
    await v1.open();
    await v1.table('events').put({ id: 'e1', title: 'Feria', archived: 0 });
    await v1.table('outbox').add({ name: 'event.save', args: { id: 'e1' } });
    v1.close();

    const v2 = new UserDb({ indexedDB: factory, IDBKeyRange });
    await v2.open();
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    expect((await v2.events.get('e1'))?.title).toBe('Feria');
    expect(await v2.outbox.count()).toBe(1);
    expect(await v2.favourites.count()).toBe(0);
    await setFavourite(v2, 'calculo-de-aforo', true);
    await saveReadingProgress(v2, 'calculo-de-aforo', 'la-formula');
    expect((await v2.favourites.toArray()).map((f) => f.entryId)).toEqual(['calculo-de-aforo']);
    expect((await getReadingProgress(v2, 'calculo-de-aforo'))?.headingId).toBe('la-formula');
    v2.close();
  });

  it('recents keep only the newest ten, the latest first', async () => {
    let now = Date.parse('2026-11-29T12:00:00Z');
    const db = new UserDb({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => (now += 1_000) });
    for (let i = 0; i < RECENTS_KEPT + 3; i += 1) await recordOpened(db, `entrada-${i}`);
    await recordOpened(db, 'entrada-5');
    const ids = (await listRecents(db)).map((r) => r.entryId);
    expect(ids).toHaveLength(RECENTS_KEPT);
    expect(ids[0]).toBe('entrada-5');
    expect(ids).not.toContain('entrada-0');
    db.close();
  });
});
