import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { UserDb, USER_DB_NAME } from '../../../src/db/user-db';
import { applyAttendanceRegister, findSamePersonInWorkshop, type LocalAttendance } from '../../../src/db/attendance-store';
import { applyUserPage } from '../../../src/sync/pull';
import type { AttendancePerson } from '../../../src/shared/schemas/attendance';
import { makePerson } from '../../component/workshops/workshop-fixture';

const HLC = '001764950400000:0000:device-a';
const consent = { given: true as const, textVersion: 'v1' };

function makeRow(id: string, workshopId: string, person: AttendancePerson, recordedAt: string): LocalAttendance {
  return { id, workshopId, person, consent, recordedBy: null, recordedAt, mergedIds: [], updatedAt: recordedAt };
}

function register(db: UserDb, id: string, workshopId: string, person: AttendancePerson, hlc = HLC): Promise<void> {
  return db.transaction('rw', db.attendance, () => applyAttendanceRegister(db, { id, workshopId, person, consent }, hlc));
}

describe('finding the same person through the attendance indexes (user DB v3)', () => {
  it('a v2 device upgrades with the match keys of every kept record, and the lookup finds the first by name or by document', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie(USER_DB_NAME, { indexedDB: factory, IDBKeyRange });
    v2.version(2).stores({ events: 'id, archived, startsAt, updatedAt', checklistRuns: 'id, eventId', checklistItems: '[runId+itemId], runId', attendance: 'id, workshopId', feedback: 'id, workshopId', outbox: '++seq', rejected: '++id, seq', meta: 'key', favourites: 'entryId, savedAt', readingProgress: 'entryId', recents: 'entryId, openedAt' });
    await v2.open();
    await v2.table('attendance').bulkPut([
      makeRow('late', 'w1', makePerson({ fullName: 'MARIA QUISPE HUAMANI' }), '2026-11-29T15:00:00.000Z'),
      makeRow('first', 'w1', makePerson(), '2026-11-29T14:00:00.000Z'),
      makeRow('doc', 'w1', makePerson({ fullName: 'Juan Pérez', documentType: 'dni', documentNumber: '45678912' }), '2026-11-29T14:30:00.000Z'),
    ]);
    v2.close();

    const db = new UserDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.attendance.get('first')).toMatchObject({ nameKey: 'maria quispe huamani|municipalidad distrital de quinua' });
    expect((await db.attendance.get('doc'))?.['docKey']).toBe('dni:45678912');
    expect((await findSamePersonInWorkshop(db, 'w1', makePerson({ fullName: 'maría  quispe huamaní' })))?.id).toBe('first');
    expect((await findSamePersonInWorkshop(db, 'w1', { fullName: 'J. Pérez Ccori', entityName: 'Otra', documentType: 'dni', documentNumber: '45.678.912' }))?.id).toBe('doc');
    expect(await findSamePersonInWorkshop(db, 'w2', makePerson())).toBeUndefined();
    db.close();
  });

  it('a registration with no roster at hand merges through the indexes, and namesakes with other documents stay apart', async () => {
    const db = new UserDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await register(db, 'a', 'w1', makePerson({ documentType: 'dni', documentNumber: '45678912' }));
    await register(db, 'b', 'w1', makePerson({ fullName: 'Maria Quispe', entityName: 'MD Quinua', documentType: 'dni', documentNumber: '45678912' }), '001764950400001:0000:device-b');
    await register(db, 'c', 'w1', makePerson({ documentType: 'dni', documentNumber: '11111111' }));
    await register(db, 'd', 'w2', makePerson());
    const rows = await db.attendance.toArray();
    expect(rows.map((row) => [row.id, row.mergedIds]).sort()).toEqual([['a', ['b']], ['c', []], ['d', []]]);
    // The merged record is indexed under its newest name, so the next lookup follows it.
    expect((await findSamePersonInWorkshop(db, 'w1', { fullName: 'maria quispe', entityName: 'md quinua' }))?.id).toBe('a');
    db.close();
  });

  it('records that arrive by pull carry their match keys too', async () => {
    const db = new UserDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const row = makeRow('pulled', 'w1', makePerson(), '2026-11-29T14:00:00.000Z');
    expect(await applyUserPage(db, { changes: [{ table: 'attendance', id: 'pulled', version: 5, row }], cursor: 5, hasMore: false })).toBe(true);
    expect((await findSamePersonInWorkshop(db, 'w1', makePerson({ fullName: 'MARÍA QUISPE HUAMANÍ' })))?.id).toBe('pulled');
    db.close();
  });
});
