/**
 * A correction of a record that lost to another phone's later correction is shown on the record
 * in the attendance roster (issue 9), with «Restaurar mi versión» (a new correction) and «Descartar».
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { listLostFieldEdits, lostFieldKey } from '../../../src/db/lost-edits-store';
import { registerAttendance } from '../../../src/state/attendance-model';
import { AttendanceScreen } from '../../../src/ui/workshops/attendance-screen';
import { makePerson, useSeededWorkshop } from './workshop-fixture';

const seeded = useSeededWorkshop();
const SAID = 'Otra persona corrigió el nombre; su versión: «María Quispe Huamán»';

/** The record reads the other phone's name; this device's losing correction is kept. */
async function openWithLostName() {
  const id = await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
  await seeded.dbs.user.outbox.clear();
  const key = lostFieldKey('attendance', id, 'fullName');
  await seeded.dbs.user.meta.put({ key, value: { key, owner: `attendance:${id}`, rowId: id, field: 'fullName', text: 'María Quispe Huamán', lostAt: '2026-12-05T20:00:00.000Z' } });
  render(<LocationProvider><AttendanceScreen workshopId={seeded.workshopId} /></LocationProvider>);
  const note = await screen.findByText(SAID);
  return { id, record: within(note.closest('li')!) };
}

describe('a losing correction on its record in the roster', { timeout: 20_000 }, () => {
  it('shows the winner and the losing name; «Restaurar mi versión» queues it as a correction and forgets the copy', async () => {
    const { id, record } = await openWithLostName();
    expect(record.getByText('María Quispe Huamaní', { selector: '.ws-person__name' })).toBeTruthy();
    fireEvent.click(record.getByRole('button', { name: /^Restaurar mi versión/ }));
    await waitFor(() => expect(screen.queryByText(SAID)).toBeNull());
    const [queued] = await seeded.dbs.user.outbox.toArray();
    expect(queued).toMatchObject({ name: 'attendance.update', args: { id, patch: { fullName: 'María Quispe Huamán' } } });
    expect((await seeded.dbs.user.attendance.get(id))?.person.fullName).toBe('María Quispe Huamán');
    expect(await listLostFieldEdits(seeded.dbs.user, 'attendance', id)).toEqual([]);
  });

  it('«Descartar» keeps the other phone\'s name and sends nothing', async () => {
    const { id, record } = await openWithLostName();
    fireEvent.click(record.getByRole('button', { name: /^Descartar/ }));
    await waitFor(() => expect(screen.queryByText(SAID)).toBeNull());
    expect(await seeded.dbs.user.outbox.count()).toBe(0);
    expect((await seeded.dbs.user.attendance.get(id))?.person.fullName).toBe('María Quispe Huamaní');
  });
});
