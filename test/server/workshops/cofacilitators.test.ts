/**
 * Issue 9: co-facilitadores named by account run the workshop as its owner does (attendance,
 * exports, constancias, proposals) and pull its records; others still get `not_owner`.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawCertificateCode } from '../../../src/shared/schemas/certificate';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { FacilitatorAccount, WorkshopLeadRow } from '../../../src/shared/schemas/workshop';
import { bearer, createLoggedInUser, createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

describe.each(ENGINES)('co-facilitadores named by account, on %s', (engine) => {
  const clock = createTestClock();
  let named: SessionResponse;
  const ownerLaptop = createDeviceQueue();
  const namedPhone = createDeviceQueue();
  const outsiderPhone = createDeviceQueue();
  const workshop = makeWorkshopArgs(clock.now());
  const before = makeRegistration(workshop.id, makePerson({ fullName: 'Registrada Antes', documentNumber: '40000001' }));

  const rowsOf = async (session: SessionResponse, table: string) =>
    (await pullAll(team.server, session)).changes.filter((c) => c.table === table && !c.deleted && ((c.row as { workshopId?: string })?.workshopId === workshop.id || c.id === workshop.id));

  // Rosa leads, Luis (otherFacilitador) stays outside, Ana is the one she names.
  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    named = await createLoggedInUser(server, ['facilitador'], 'Ana Quispe');
    // The co-facilitadora first pulls everything, so her cursor is past the roster when she is named.
    await push(server, owner, ownerLaptop.clientId, [ownerLaptop.next('workshop.save', workshop), ownerLaptop.next('attendance.register', before)]);
    await push(server, owner, ownerLaptop.clientId, Array.from({ length: 5 }, () => ownerLaptop.next('feedback.submit', makeFeedback(workshop.id))));
    expect(await rowsOf(named, 'attendance')).toEqual([]);
  });

  it('lists active facilitador accounts by name to staff only', async () => {
    const res = await team.server.app.inject({ method: 'GET', url: '/api/staff/facilitators', headers: bearer(team.owner) });
    expect(res.statusCode).toBe(200);
    const { accounts } = res.json<{ accounts: FacilitatorAccount[] }>();
    expect(accounts).toEqual(expect.arrayContaining([{ id: named.user.id, name: 'Ana Quispe' }, { id: team.otherFacilitador.user.id, name: 'Luis Mamani' }]));
    expect(accounts.some((a) => a.id === team.gestor.user.id)).toBe(false);
    expect(Object.keys(accounts[0]!).sort()).toEqual(['id', 'name']);
    expect((await team.server.app.inject({ method: 'GET', url: '/api/staff/facilitators', headers: bearer(team.gestor) })).statusCode).toBe(403);
    expect((await team.server.app.inject({ method: 'GET', url: '/api/staff/facilitators' })).statusCode).toBe(401);
  });

  it('only a facilitador account other than the team.owner can be named; a co-facilitadora cannot change the team', async () => {
    const refused = await push(team.server, team.owner, ownerLaptop.clientId, [ownerLaptop.next('workshop.save', { ...workshop, cofacilitatorIds: [team.gestor.user.id] })]);
    expect(refused.rejected).toEqual([{ seq: expect.any(Number), code: 'validation_failed', message: expect.stringContaining('cuenta de facilitador activa') }]);
    const answer = await push(team.server, team.owner, ownerLaptop.clientId, [ownerLaptop.next('workshop.save', { ...workshop, cofacilitatorIds: [named.user.id] })]);
    expect(answer.rejected).toEqual([]);
    const byNamed = await push(team.server, named, namedPhone.clientId, [namedPhone.next('workshop.save', { ...workshop, cofacilitatorIds: [named.user.id, team.otherFacilitador.user.id] })]);
    expect(byNamed.rejected.map((r) => r.code)).toEqual(['not_owner']);
    // The public programme never carries the team.
    const programme = (await pullAll(team.server, undefined, 'catalogue')).changes.find((c) => c.table === 'workshops' && c.id === workshop.id);
    expect(programme?.row).not.toHaveProperty('cofacilitatorIds');
  });

  it('once named, she pulls the workshop’s records written before (her cursor was past them) and its team', async () => {
    const attendance = await rowsOf(named, 'attendance');
    expect(attendance.map((c) => c.id)).toEqual([before.id]);
    expect(await rowsOf(named, 'feedback')).toHaveLength(5);
    const [lead] = await rowsOf(named, 'workshopLeads');
    expect(lead?.row).toEqual<WorkshopLeadRow>({ id: workshop.id, ownerId: team.owner.user.id, cofacilitatorIds: [named.user.id] });
    expect(await rowsOf(team.otherFacilitador, 'attendance')).toEqual([]);
    expect(await rowsOf(team.otherFacilitador, 'workshopLeads')).toEqual([]);
  });

  it('she registers, corrects, removes, exports and issues a constancia; another facilitador gets not_owner for each', async () => {
    const run = (phone: ReturnType<typeof createDeviceQueue>, removeListed = false) => {
      const added = makeRegistration(workshop.id, makePerson({ fullName: `Persona de ${phone.clientId.slice(-4)}` }));
      return [
        phone.next('attendance.register', added),
        phone.next('attendance.update', { id: before.id, patch: { position: 'Responsable de cultura' } }),
        phone.next('attendance.export', { workshopId: workshop.id, rows: 2, format: 'csv', at: new Date(clock.now()).toISOString() }),
        phone.next('certificate.issue', { id: uuidv7(), attendanceId: before.id, workshopId: workshop.id, code: drawCertificateCode(randomInt) }),
        phone.next('attendance.remove', { id: removeListed ? before.id : added.id }),
      ];
    };
    const refused = await push(team.server, team.otherFacilitador, outsiderPhone.clientId, run(outsiderPhone, true));
    expect(refused.rejected.map((r) => r.code)).toEqual(['not_owner', 'not_owner', 'not_owner', 'not_owner', 'not_owner']);
    const accepted = await push(team.server, named, namedPhone.clientId, run(namedPhone));
    expect(accepted.rejected).toEqual([]);
    const corrected = (await rowsOf(team.owner, 'attendance')).find((c) => c.id === before.id)?.row as { person: { position?: string } };
    expect(corrected.person.position).toBe('Responsable de cultura');
    expect(await rowsOf(team.owner, 'certificates')).toHaveLength(1);
    const log = await team.server.app.inject({ method: 'GET', url: `/api/workshops/${workshop.id}/exports`, headers: bearer(named) });
    expect(log.statusCode).toBe(200);
    expect((await team.server.app.inject({ method: 'GET', url: `/api/workshops/${workshop.id}/exports`, headers: bearer(team.otherFacilitador) })).statusCode).toBe(403);
  });

  it('closes a proposed correction from a self check-in', async () => {
    const phone = createDeviceQueue();
    const selfCheckIn = makeRegistration(workshop.id, { ...makePerson({ fullName: 'Registrada Antes', documentNumber: '40000001' }), email: 'nueva@correo.pe' }, { workshopCode: workshop.code });
    const res = await team.server.app.inject({ method: 'POST', url: '/api/sync/push', remoteAddress: '10.6.0.1', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ clientId: phone.clientId, mutations: [phone.next('attendance.register', selfCheckIn)] }) });
    expect(res.statusCode).toBe(200);
    const [proposal] = await rowsOf(named, 'attendanceProposals');
    expect(proposal).toBeDefined();
    const close = (session: SessionResponse, device: ReturnType<typeof createDeviceQueue>) => push(team.server, session, device.clientId, [device.next('attendance.closeProposal', { id: proposal!.id, outcome: 'dismissed' })]);
    expect((await close(team.otherFacilitador, outsiderPhone)).rejected.map((r) => r.code)).toEqual(['not_owner']);
    expect((await close(named, namedPhone)).rejected).toEqual([]);
  });

  it('once taken off the team she is refused again', async () => {
    await push(team.server, team.owner, ownerLaptop.clientId, [ownerLaptop.next('workshop.save', { ...workshop, cofacilitatorIds: [] })]);
    const answer = await push(team.server, named, namedPhone.clientId, [namedPhone.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Ya no' })))]);
    expect(answer.rejected.map((r) => r.code)).toEqual(['not_owner']);
  });
});
