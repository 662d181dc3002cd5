import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/shared/protocol';
import type { AttendanceRow } from '../../../src/shared/schemas/attendance';
import { createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('only the people of a workshop write its attendance, on %s', (engine) => {
  const clock = createTestClock();
  const workshop = makeWorkshopArgs(clock.now());
  // A workshop of the owner's that closed long ago: paper lists typed in later are the owner's to type.
  const closedWorkshop = makeWorkshopArgs(clock.now() - 300 * DAY);
  const laptop = createDeviceQueue();
  const stranger = createDeviceQueue();
  const listed = makePerson({ fullName: 'Rosa Quispe Ñahui', documentType: 'dni', documentNumber: '40112233', email: 'rosa@quinua.gob.pe' });
  const listedRegistration = makeRegistration(workshop.id, listed);

  async function readRecord(id: string): Promise<AttendanceRow | undefined> {
    const latest = new Map<string, Change>();
    for (const change of (await pullAll(team.server, team.owner)).changes.filter((c) => c.table === 'attendance')) latest.set(change.id, change);
    const change = latest.get(id);
    return change && !change.deleted ? (change.row as AttendanceRow) : undefined;
  }

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    await push(server, owner, laptop.clientId, [
      laptop.next('workshop.save', workshop),
      laptop.next('workshop.save', closedWorkshop),
      laptop.next('attendance.register', listedRegistration),
    ]);
  });

  it('a facilitador of another workshop, without its code, gets not_owner: no new person, no change to a listed one, not even after it closed', async () => {
    const newcomer = makeRegistration(workshop.id, makePerson({ fullName: 'Persona Inventada' }));
    const overwrite = makeRegistration(workshop.id, { ...listed, fullName: 'Nombre Cambiado por FB', email: 'attacker@evil.pe' });
    const late = makeRegistration(closedWorkshop.id, makePerson({ fullName: 'Inventada en taller cerrado' }));
    const answer = await push(team.server, team.otherFacilitador, stranger.clientId, [newcomer, overwrite, late].map((r) => stranger.next('attendance.register', r)));
    expect(answer.rejected.map((r) => r.code)).toEqual(['not_owner', 'not_owner', 'not_owner']);
    expect(answer.rejected[0]!.message).toContain('Este taller lo dirige otra persona');
    expect((await readRecord(listedRegistration.id))?.person).toEqual(listed);
    const stored = await team.server.store.db.selectFrom('attendance').select('id').where('id', 'in', [newcomer.id, overwrite.id, late.id]).execute();
    expect(stored).toEqual([]);
  });

  it('with the code, while the window is open, they check in as anyone does: it never rewrites a listed person', async () => {
    const overwrite = makeRegistration(workshop.id, { ...listed, fullName: 'Nombre Cambiado por FB', email: 'attacker@evil.pe' }, { workshopCode: workshop.code });
    const answer = await push(team.server, team.otherFacilitador, stranger.clientId, [stranger.next('attendance.register', overwrite)]);
    expect(answer.rejected).toEqual([]);
    const record = await readRecord(listedRegistration.id);
    expect(record?.person).toEqual(listed);
    expect(record?.mergedIds).toContain(overwrite.id);
  });

  it('the export log takes entries only from the workshop’s owner and coordinación', async () => {
    const exportArgs = { workshopId: workshop.id, rows: 1, format: 'csv' as const, at: new Date(clock.now()).toISOString() };
    expect((await push(team.server, team.otherFacilitador, stranger.clientId, [stranger.next('attendance.export', { ...exportArgs, rows: 99_999 })])).rejected.map((r) => r.code)).toEqual(['not_owner']);
    expect((await push(team.server, team.owner, laptop.clientId, [laptop.next('attendance.export', exportArgs)])).rejected).toEqual([]);
    const coordinadoraPhone = createDeviceQueue();
    expect((await push(team.server, team.coordinadora, coordinadoraPhone.clientId, [coordinadoraPhone.next('attendance.export', exportArgs)])).rejected).toEqual([]);
    const logged = await team.server.store.db.selectFrom('attendance_exports').select(['exported_by', 'rows']).where('workshop_id', '=', workshop.id).execute();
    expect(logged.map((e) => e.exported_by).sort()).toEqual([team.owner.user.id, team.coordinadora.user.id].sort());
  });

  it('the owner and coordinación still register at any time, past the window too', async () => {
    const ownerLate = makeRegistration(closedWorkshop.id, makePerson({ fullName: 'Lista en papel 1' }));
    expect((await push(team.server, team.owner, laptop.clientId, [laptop.next('attendance.register', ownerLate)])).rejected).toEqual([]);
    const coordinadoraPhone = createDeviceQueue();
    const coordinadoraLate = makeRegistration(closedWorkshop.id, makePerson({ fullName: 'Lista en papel 2' }));
    expect((await push(team.server, team.coordinadora, coordinadoraPhone.clientId, [coordinadoraPhone.next('attendance.register', coordinadoraLate)])).rejected).toEqual([]);
  });
});
