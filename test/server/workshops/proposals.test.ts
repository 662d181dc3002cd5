import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { Change, PushResponse, SessionResponse, WireMutation } from '../../../src/shared/protocol';
import type { AttendanceProposalRow, AttendanceRow } from '../../../src/shared/schemas/attendance';
import { createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push, pushAnonymously, stampAt } from '../../helpers/server-sync';
import { makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const ENTITY = 'Municipalidad Provincial de Huamanga';

describe.each(ENGINES)('a self check-in never rewrites a listed person on %s', (engine) => {
  const clock = createTestClock();
  const workshop = makeWorkshopArgs(clock.now());
  const laptop = createDeviceQueue(uuidv7(), clock.now() - 60_000);

  /** A push with no bearer: a participant at the door. */
  async function pushAtTheDoor(clientId: string, mutations: WireMutation[]) {
    const res = await pushAnonymously(team.server, clientId, mutations);
    expect(res.statusCode).toBe(200);
    return res.json<PushResponse>();
  }

  /** The latest live row of each id in `table`, as `session` pulls it. */
  async function readRows<T>(session: SessionResponse, table: string): Promise<Map<string, T>> {
    const latest = new Map<string, Change>();
    for (const change of (await pullAll(team.server, session)).changes.filter((c) => c.table === table)) latest.set(change.id, change);
    return new Map([...latest].filter(([, c]) => !c.deleted).map(([id, c]) => [id, c.row as T]));
  }

  /** The owner lists a person, then a stranger checks in as them from the door, with a stamp 10 days ahead. */
  async function listThenImpersonate(listed: ReturnType<typeof makePerson>, claimed: ReturnType<typeof makePerson>, sameId = false) {
    const registration = makeRegistration(workshop.id, listed);
    await push(team.server, team.owner, laptop.clientId, [laptop.next('attendance.register', registration)]);
    const door = createDeviceQueue();
    const selfCheckIn = makeRegistration(workshop.id, claimed, { workshopCode: workshop.code, ...(sameId ? { id: registration.id } : {}) });
    const answer = await pushAtTheDoor(door.clientId, [door.next('attendance.register', selfCheckIn, { hlc: stampAt(clock.now() + 10 * DAY, door.clientId) })]);
    expect(answer.rejected).toEqual([]);
    return { registration, selfCheckIn };
  }

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    await push(server, owner, laptop.clientId, [laptop.next('workshop.save', workshop)]);
  });

  it.each([
    ['the same document', { documentType: 'dni' as const, documentNumber: '41234567' }, { documentType: 'dni' as const, documentNumber: '41234567' }, false],
    ['the same folded name and entity', {}, {}, false],
    ['the record’s own id', { documentType: 'dni' as const, documentNumber: '47654321' }, { documentType: 'dni' as const, documentNumber: '40000001' }, true],
  ])('matched by %s, the record keeps every field and the differences wait as a proposal', async (_label, listedDoc, claimedDoc, sameId) => {
    const name = `Elena Quispe ${uuidv7().slice(-6)}`;
    const listed = makePerson({ fullName: name, entityName: ENTITY, email: 'elena@huamanga.gob.pe', phone: '966111222', ...listedDoc });
    const claimed = makePerson({ fullName: sameId ? 'Suplantado por anónimo' : name.toUpperCase(), entityName: `${ENTITY}.`, email: 'anon@evil.pe', phone: '900000000', ...claimedDoc });
    const { registration, selfCheckIn } = await listThenImpersonate(listed, claimed, sameId);

    const record = (await readRows<AttendanceRow>(team.owner, 'attendance')).get(registration.id)!;
    expect(record.person).toEqual(listed);
    expect(record.recordedBy).toBe(team.owner.user.id);
    const proposals = [...(await readRows<AttendanceProposalRow>(team.owner, 'attendanceProposals')).values()].filter((p) => p.attendanceId === registration.id);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.workshopId).toBe(workshop.id);
    expect(proposals[0]!.patch).toMatchObject({ email: 'anon@evil.pe', phone: '900000000' });
    expect(Object.keys(proposals[0]!.patch)).not.toContain('governmentLevel');
    if (!sameId) expect(record.mergedIds).toEqual([selfCheckIn.id]);
  });

  it('a self check-in that carries nothing new leaves no proposal', async () => {
    const listed = makePerson({ fullName: 'Teodoro Cusi Allca', entityName: ENTITY, documentType: 'dni', documentNumber: '45550001' });
    const { registration } = await listThenImpersonate(listed, { ...listed });
    const proposals = [...(await readRows<AttendanceProposalRow>(team.owner, 'attendanceProposals')).values()];
    expect(proposals.some((p) => p.attendanceId === registration.id)).toBe(false);
  });

  it('accepting is the staff’s own update then closing it; dismissing closes it and leaves no personal data', async () => {
    const listed = makePerson({ fullName: 'Nilda Pariona', entityName: ENTITY, documentType: 'dni', documentNumber: '42220001' });
    const { registration } = await listThenImpersonate(listed, { ...listed, email: 'nilda@huamanga.gob.pe' });
    const proposal = [...(await readRows<AttendanceProposalRow>(team.owner, 'attendanceProposals')).values()].find((p) => p.attendanceId === registration.id)!;
    // Nobody but the workshop's people closes it.
    const stranger = createDeviceQueue();
    expect((await push(team.server, team.otherFacilitador, stranger.clientId, [stranger.next('attendance.closeProposal', { id: proposal.id, outcome: 'dismissed' })])).rejected[0]?.code).toBe('not_owner');
    const accepted = await push(team.server, team.owner, laptop.clientId, [
      laptop.next('attendance.update', { id: registration.id, patch: proposal.patch }),
      laptop.next('attendance.closeProposal', { id: proposal.id, outcome: 'accepted' }),
    ]);
    expect(accepted.rejected).toEqual([]);
    expect((await readRows<AttendanceRow>(team.owner, 'attendance')).get(registration.id)!.person.email).toBe('nilda@huamanga.gob.pe');
    expect((await readRows<AttendanceProposalRow>(team.owner, 'attendanceProposals')).has(proposal.id)).toBe(false);
    const stored = await team.server.store.db.selectFrom('attendance_proposals').selectAll().where('id', '=', proposal.id).executeTakeFirstOrThrow();
    expect({ patch: stored.patch, outcome: stored.outcome, closedBy: stored.closed_by, deleted: stored.deleted }).toEqual({ patch: '{}', outcome: 'accepted', closedBy: team.owner.user.id, deleted: 1 });
  });

  it('removing the record closes its proposals', async () => {
    const listed = makePerson({ fullName: 'Marco Ccahuana', entityName: ENTITY, documentType: 'dni', documentNumber: '43330001' });
    const { registration } = await listThenImpersonate(listed, { ...listed, phone: '955444333' });
    await push(team.server, team.owner, laptop.clientId, [laptop.next('attendance.remove', { id: registration.id })]);
    const open = await team.server.store.db.selectFrom('attendance_proposals').select('id').where('attendance_id', '=', registration.id).where('deleted', '=', 0).execute();
    expect(open).toEqual([]);
  });

  it('a stamp from the future cannot make a later correction lose: it is pulled back to the server’s time', async () => {
    const registration = makeRegistration(workshop.id, makePerson({ fullName: 'Sonia Huamaní', entityName: ENTITY }));
    await push(team.server, team.owner, laptop.clientId, [laptop.next('attendance.register', registration)]);
    // A coordinadora's phone with its clock ten days ahead corrects the name…
    const fastPhone = createDeviceQueue();
    await push(team.server, team.coordinadora, fastPhone.clientId, [fastPhone.next('attendance.update', { id: registration.id, patch: { fullName: 'Sonia Huamani (reloj adelantado)' } }, { hlc: stampAt(clock.now() + 10 * DAY, fastPhone.clientId) })]);
    // …and the owner, with a right clock, corrects it again a few seconds later: the later one wins.
    clock.advance(5_000);
    const ownerPhone = createDeviceQueue();
    await push(team.server, team.owner, ownerPhone.clientId, [ownerPhone.next('attendance.update', { id: registration.id, patch: { fullName: 'Sonia Huamaní Ríos' } }, { hlc: stampAt(clock.now(), ownerPhone.clientId) })]);
    expect((await readRows<AttendanceRow>(team.owner, 'attendance')).get(registration.id)!.person.fullName).toBe('Sonia Huamaní Ríos');
  });
});
