/**
 * Constancias on the device (user DB v4): issued and revoked locally at once (offline), pulled
 * from the server, and dropped when the server refuses one (its record comes back by pull).
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { UserDb } from '../../../src/db/user-db';
import { recordMutation } from '../../../src/db/record-mutation';
import { listCertificates } from '../../../src/db/certificates-store';
import { undoRefusedInUser, UNDO_TABLES } from '../../../src/db/undo-refused';
import { applyUserPage } from '../../../src/sync/pull';
import { uuidv7 } from '../../../src/shared/ids';
import type { CertificateRow } from '../../../src/shared/schemas/certificate';

const workshopId = uuidv7();
const attendanceId = uuidv7();

describe('constancias on the device', () => {
  it('issue shows at once, revoke marks it, a refusal drops it; the same id again adds nothing', async () => {
    const db = new UserDb({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => Date.parse('2026-12-06T15:00:00.000Z') });
    const args = { id: uuidv7(), attendanceId, workshopId, code: 'k7qm-4821' };
    await recordMutation(db, 'certificate.issue', args);
    await recordMutation(db, 'certificate.issue', { ...args, code: 'AAAA-0000' });
    expect(await listCertificates(db, workshopId)).toEqual([
      { id: args.id, attendanceId, workshopId, code: 'K7QM-4821', issuedAt: '2026-12-06T15:00:00.000Z', updatedAt: '2026-12-06T15:00:00.000Z' },
    ]);
    await recordMutation(db, 'certificate.revoke', { id: args.id });
    expect((await db.certificates.get(args.id))?.revokedAt).toBe('2026-12-06T15:00:00.000Z');
    await expect(recordMutation(db, 'certificate.issue', { ...args, id: uuidv7(), code: 'K0QM-4821' })).rejects.toThrow(/cuatro letras o números/);
    await db.transaction('rw', UNDO_TABLES.map((name) => db.table(name)), () => undoRefusedInUser(db, [{ name: 'certificate.issue', args }]));
    expect(await db.certificates.count()).toBe(0);
    db.close();
  });

  it('a pulled constancia lands in the table, and a revoked one carries its date', async () => {
    const db = new UserDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const row: CertificateRow = { id: uuidv7(), attendanceId, workshopId, code: 'PQRS-1234', issuedAt: '2026-12-06T15:00:00.000Z', revokedAt: '2026-12-06T16:00:00.000Z', updatedAt: '2026-12-06T16:00:00.000Z' };
    expect(await applyUserPage(db, { changes: [{ table: 'certificates', id: row.id, version: 7, row }], cursor: 7, hasMore: false })).toBe(true);
    expect(await listCertificates(db, workshopId)).toEqual([row]);
    db.close();
  });
});
