/**
 * No edit disappears without a trace, for attendance records (issue 9): a name, entity, email,
 * phone, document or position corrected on this device that a pull replaces with another phone's
 * later correction is kept.
 */
import { describe, expect, it } from 'vitest';
import { applyUserPage } from '../../../src/sync/pull';
import { ensureClientId } from '../../../src/db/meta-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { listLostFieldEdits } from '../../../src/db/lost-edits-store';
import type { AttendanceRow } from '../../../src/shared/schemas/attendance';
import { formatHlc, parseHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import { makePerson } from '../../helpers/factories';
import { createDevice } from './device-fixture';

const later = (stamp: string, clientId: string) => formatHlc({ ...parseHlc(stamp), wallMs: parseHlc(stamp).wallMs + 5_000, clientId });
const page = (row: AttendanceRow) => ({ changes: [{ table: 'attendance', id: row.id, version: 9, row }], cursor: 9, hasMore: false });

/** A record that came from the server, then corrected here (name and email) and accepted. */
async function correctedHere() {
  const dbs = createDevice();
  await ensureClientId(dbs.user.meta, Date.now());
  const stamp = '001764950400000:0000:tablet-de-registro';
  const person = { ...makePerson(), email: 'maria@quinua.gob.pe' };
  const pulled: AttendanceRow = {
    id: uuidv7(), workshopId: uuidv7(), person, consent: { given: true, textVersion: 'v2' }, recordedBy: 'u1', recordedAt: 'x', mergedIds: [], updatedAt: 'x',
    fieldHlc: Object.fromEntries(Object.keys(person).map((key) => [key, stamp])),
  };
  await applyUserPage(dbs.user, page(pulled));
  await recordMutation(dbs.user, 'attendance.update', { id: pulled.id, patch: { fullName: 'María Quispe Huamán', email: 'mquispe@quinua.gob.pe' } });
  await dbs.user.outbox.clear();
  const row = (await dbs.user.attendance.get(pulled.id))!;
  const { nameKey: _n, docKey: _d, ...asPulled } = row;
  return { dbs, row: asPulled as AttendanceRow };
}

/** Another phone's correction of some fields, stamped after this device's. */
function theirCorrection(row: AttendanceRow, patch: Partial<AttendanceRow['person']>): AttendanceRow {
  const stamp = later(row.fieldHlc!.fullName!, 'otro-telefono');
  return { ...row, person: { ...row.person, ...patch }, fieldHlc: { ...row.fieldHlc, ...Object.fromEntries(Object.keys(patch).map((key) => [key, stamp])) } };
}

describe('a correction made here that loses to a later correction from another phone', () => {
  it('keeps the losing name; the record shows the winner; a field nobody else touched is not kept', async () => {
    const { dbs, row } = await correctedHere();
    await applyUserPage(dbs.user, page(theirCorrection(row, { fullName: 'María Quispe Huamaní' })));
    expect((await dbs.user.attendance.get(row.id))?.person.fullName).toBe('María Quispe Huamaní');
    const kept = await listLostFieldEdits(dbs.user, 'attendance', row.id);
    expect(kept.map(({ field, text }) => ({ field, text }))).toEqual([{ field: 'fullName', text: 'María Quispe Huamán' }]);
  });

  it('keeps the losing email next to the name when both lost', async () => {
    const { dbs, row } = await correctedHere();
    await applyUserPage(dbs.user, page(theirCorrection(row, { fullName: 'María Q. Huamaní', email: 'maria.quispe@quinua.gob.pe' })));
    const kept = await listLostFieldEdits(dbs.user, 'attendance', row.id);
    expect(kept.map(({ field, text }) => `${field}=${text}`).sort()).toEqual(['email=mquispe@quinua.gob.pe', 'fullName=María Quispe Huamán']);
  });

  it('keeps nothing of a field the tablet wrote before (not this device\'s), nor of the echo of its own correction', async () => {
    const { dbs, row } = await correctedHere();
    await applyUserPage(dbs.user, page(row));
    await applyUserPage(dbs.user, page(theirCorrection(row, { position: 'Promotora cultural' })));
    expect(await listLostFieldEdits(dbs.user, 'attendance', row.id)).toEqual([]);
  });
});
