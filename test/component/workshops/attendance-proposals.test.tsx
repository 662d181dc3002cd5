import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { registerAttendance } from '../../../src/state/attendance-model';
import { uuidv7 } from '../../../src/shared/ids';
import { AttendanceScreen } from '../../../src/ui/workshops/attendance-screen';
import { makePerson, useSeededWorkshop } from './workshop-fixture';

const seeded = useSeededWorkshop();

/** A listed person, and the proposal a self check-in left about them (as a pull brings it). */
async function seedProposal() {
  const attendanceId = await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Elena Quispe Ccora', email: 'elena@quinua.gob.pe' }), consentGiven: true });
  await seeded.dbs.user.outbox.clear();
  const proposal = { id: uuidv7(), workshopId: seeded.workshopId, attendanceId, patch: { email: 'elena.quispe@quinua.gob.pe', phone: '966111222' }, proposedAt: '2026-11-29T15:00:00.000Z' };
  await seeded.dbs.user.attendanceProposals.put(proposal);
  render(<LocationProvider><AttendanceScreen workshopId={seeded.workshopId} /></LocationProvider>);
  const card = await screen.findByRole('listitem', { name: 'Propuesta de corrección: Elena Quispe Ccora' });
  return { attendanceId, proposal, card };
}

describe('Propuesta de corrección on the attendance screen', { timeout: 20_000 }, () => {
  it('shows the record’s value beside the proposed one, and nothing changed until the facilitador decides', async () => {
    const { attendanceId, card } = await seedProposal();
    const text = card.textContent ?? '';
    expect(text).toContain('Correo (opcional)Ahora: elena@quinua.gob.pePropuesto: elena.quispe@quinua.gob.pe');
    expect(text).toContain('Teléfono (opcional)Ahora: (sin dato)Propuesto: 966111222');
    expect((await seeded.dbs.user.attendance.get(attendanceId))?.person.email).toBe('elena@quinua.gob.pe');
  });

  it('Aceptar corrects the record on this phone and queues the correction, then closes the proposal', async () => {
    const { attendanceId, proposal, card } = await seedProposal();
    fireEvent.click(within(card).getByRole('button', { name: 'Aceptar la corrección de Elena Quispe Ccora' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Propuesta de corrección/ })).toBeNull());
    expect(screen.getByText(/Corrección de Elena Quispe Ccora aceptada/)).toBeTruthy();
    expect((await seeded.dbs.user.attendance.get(attendanceId))?.person).toMatchObject({ email: 'elena.quispe@quinua.gob.pe', phone: '966111222' });
    expect((await seeded.dbs.user.outbox.toArray()).map((m) => [m.name, m.args])).toEqual([
      ['attendance.update', { id: attendanceId, patch: proposal.patch }],
      ['attendance.closeProposal', { id: proposal.id, outcome: 'accepted' }],
    ]);
  });

  it('Descartar closes it and leaves the record as it was', async () => {
    const { attendanceId, proposal, card } = await seedProposal();
    fireEvent.click(within(card).getByRole('button', { name: 'Descartar la corrección de Elena Quispe Ccora' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Propuesta de corrección/ })).toBeNull());
    expect((await seeded.dbs.user.attendance.get(attendanceId))?.person.email).toBe('elena@quinua.gob.pe');
    expect((await seeded.dbs.user.outbox.toArray()).map((m) => [m.name, m.args])).toEqual([['attendance.closeProposal', { id: proposal.id, outcome: 'dismissed' }]]);
  });
});
