import { describe, expect, it } from 'vitest';
import { listProposals } from '../../../src/db/attendance-proposals-store';
import { recordMutation } from '../../../src/db/record-mutation';
import { applyUserPage } from '../../../src/sync/pull';
import { uuidv7 } from '../../../src/shared/ids';
import type { AttendanceProposalRow } from '../../../src/shared/schemas/attendance';
import { createDevice } from '../sync/device-fixture';

const WORKSHOP = uuidv7();
const proposal = (proposedAt: string): AttendanceProposalRow => ({ id: uuidv7(), workshopId: WORKSHOP, attendanceId: uuidv7(), patch: { email: 'elena@huamanga.gob.pe' }, proposedAt });

describe('proposed corrections on the staff device', () => {
  it('arrive by pull, list oldest first, and a tombstone removes them', async () => {
    const { user } = createDevice();
    const [late, early] = [proposal('2026-11-29T15:10:00.000Z'), proposal('2026-11-29T15:00:00.000Z')];
    await applyUserPage(user, { changes: [late, early].map((row, i) => ({ table: 'attendanceProposals', id: row.id, version: i + 1, row })), cursor: 2, hasMore: false });
    expect((await listProposals(user, WORKSHOP)).map((p) => p.id)).toEqual([early.id, late.id]);
    await applyUserPage(user, { changes: [{ table: 'attendanceProposals', id: early.id, version: 3, deleted: true }], cursor: 3, hasMore: false });
    expect((await listProposals(user, WORKSHOP)).map((p) => p.id)).toEqual([late.id]);
  });

  it('closing one removes it at once, offline, and queues attendance.closeProposal', async () => {
    const { user } = createDevice();
    const row = proposal('2026-11-29T15:00:00.000Z');
    await user.attendanceProposals.put(row);
    await recordMutation(user, 'attendance.closeProposal', { id: row.id, outcome: 'dismissed' });
    expect(await listProposals(user, WORKSHOP)).toEqual([]);
    expect((await user.outbox.toArray()).map((m) => [m.name, m.args])).toEqual([['attendance.closeProposal', { id: row.id, outcome: 'dismissed' }]]);
  });
});
