/**
 * Constancias de participación (issue 13): issued and revoked only by whoever leads the
 * workshop, once by id, with a unique code; verified by anyone without a session, never showing
 * the document or contact data; `valid: false` once revoked; 404 for an unknown code or an
 * erased person; rate-limited per address.
 */
import { describe, expect, it } from 'vitest';
import { describeCertificateAlreadyIssued, describeTooManyVerifications, REFUSALS } from '../../../src/shared/errors';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { CertificateIssueArgs, CertificateRow } from '../../../src/shared/schemas/certificate';
import { CERTIFICATE_CODE_PATTERN, drawCertificateCode } from '../../../src/shared/schemas/certificate';
import { bearer, createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { createAddressSource, makePerson, makeRegistration, makeWorkshopArgs, randomInt, useWorkshopTeam } from './workshop-fixtures';
import { VERIFY_LIMIT } from '../../../src/server/workshops/certificate-verify';

const clock = createTestClock();
/** A fresh address per verification, so the limit is tested only where it is meant to be. */
const freshAddress = createAddressSource(9);

describe.each(ENGINES)('constancias on %s', (engine) => {
  const device = createDeviceQueue();
  const workshop = makeWorkshopArgs(clock.now(), { title: 'Gestión de festivales', facilitators: ['Rosa Huamán'] });
  const otherWorkshop = makeWorkshopArgs(clock.now());
  const ana = makeRegistration(workshop.id, makePerson({ fullName: 'Ana Ccori Tito', documentType: 'dni', documentNumber: '40123456', email: 'ana@muni.gob.pe', phone: '987654321', regionCode: '1501' }));
  const luis = makeRegistration(workshop.id, makePerson({ fullName: 'Luis Mamani', documentType: 'dni', documentNumber: '40999999' }));
  const pedro = makeRegistration(otherWorkshop.id, makePerson({ fullName: 'Pedro Apaza' }));

  const issueArgs = (registration: { id: string; workshopId: string }, code = drawCertificateCode(randomInt)): CertificateIssueArgs =>
    ({ id: uuidv7(), attendanceId: registration.id, workshopId: registration.workshopId, code });

  // Each account pushes from its own phone (a phone belongs to one account).
  const phones = new Map<SessionResponse, ReturnType<typeof createDeviceQueue>>();
  async function send(session: SessionResponse, name: 'certificate.issue' | 'certificate.revoke', args: object) {
    const phone = session === team.owner ? device : phones.get(session) ?? phones.set(session, createDeviceQueue()).get(session)!;
    return push(team.server, session, phone.clientId, [phone.next(name, args as never)]);
  }

  function verify(code: string, address = freshAddress()) {
    return team.server.app.inject({ method: 'GET', url: `/api/certificates/${encodeURIComponent(code)}`, remoteAddress: address });
  }

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    await push(server, owner, device.clientId, [
      device.next('workshop.save', workshop),
      device.next('workshop.save', otherWorkshop),
      device.next('attendance.register', ana),
      device.next('attendance.register', luis),
      device.next('attendance.register', pedro),
    ]);
  });

  it('draws codes of the agreed shape', () => {
    for (let i = 0; i < 200; i++) expect(drawCertificateCode(randomInt)).toMatch(CERTIFICATE_CODE_PATTERN);
    expect(drawCertificateCode(() => 0)).toBe('AAAA-0000');
  });

  it('the owner issues once by id; anyone verifies it without a session and sees no document or contact', async () => {
    const args = issueArgs(ana);
    expect((await send(team.owner, 'certificate.issue', args)).rejected).toEqual([]);
    // The same mutation replayed (a lost answer) adds nothing.
    expect((await send(team.owner, 'certificate.issue', args)).rejected).toEqual([]);
    const rows = (await pullAll(team.server, team.owner)).changes.filter((c) => c.table === 'certificates');
    expect(rows.map((c) => (c.row as CertificateRow).code)).toEqual([args.code]);
    expect(rows[0]!.row).toMatchObject({ id: args.id, attendanceId: ana.id, workshopId: workshop.id });
    expect((rows[0]!.row as CertificateRow).revokedAt).toBeUndefined();

    const answer = await verify(args.code.toLowerCase());
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toEqual({
      valid: true,
      code: args.code,
      name: 'Ana Ccori Tito',
      workshopTitle: 'Gestión de festivales',
      dates: { startsAt: workshop.startsAt, endsAt: workshop.endsAt },
      hours: 4,
      region: 'Lima Metropolitana',
    });
    for (const secret of ['40123456', 'ana@muni.gob.pe', '987654321', 'dni']) expect(answer.body).not.toContain(secret);
  });

  it('only those who lead the workshop issue; the attendance must be of that workshop; one valid constancia per person', async () => {
    const byOther = await send(team.otherFacilitador, 'certificate.issue', issueArgs(luis));
    expect(byOther.rejected).toEqual([expect.objectContaining({ code: 'not_owner' })]);
    const byGestor = await send(team.gestor, 'certificate.issue', issueArgs(luis));
    expect(byGestor.rejected).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    const wrongWorkshop = await send(team.owner, 'certificate.issue', { ...issueArgs(pedro), workshopId: workshop.id });
    expect(wrongWorkshop.rejected).toEqual([expect.objectContaining({ code: 'missing_record', message: REFUSALS.certificateNotAttendee })]);
    // Coordinación leads every workshop.
    const byCoordinadora = issueArgs(luis);
    expect((await send(team.coordinadora, 'certificate.issue', byCoordinadora)).rejected).toEqual([]);
    const again = await send(team.owner, 'certificate.issue', issueArgs(luis));
    expect(again.rejected).toEqual([expect.objectContaining({ code: 'conflict', message: describeCertificateAlreadyIssued(byCoordinadora.code) })]);
    // The owner of the other workshop did not see it; its staff did.
    expect((await pullAll(team.server, team.otherFacilitador)).changes.filter((c) => c.table === 'certificates')).toEqual([]);
    expect((await pullAll(team.server, team.gestor)).changes.filter((c) => c.table === 'certificates')).toEqual([]);
    expect((await pullAll(team.server, team.coordinadora)).changes.filter((c) => c.table === 'certificates').length).toBeGreaterThanOrEqual(2);
  });

  it('a code another constancia holds is refused in Spanish; the same id with other data is a conflict', async () => {
    const first = issueArgs(pedro);
    expect((await send(team.owner, 'certificate.issue', first)).rejected).toEqual([]);
    const maria = makeRegistration(otherWorkshop.id, makePerson({ fullName: 'María Sulca' }));
    await push(team.server, team.owner, device.clientId, [device.next('attendance.register', maria)]);
    const clash = await send(team.owner, 'certificate.issue', issueArgs(maria, first.code));
    expect(clash.rejected).toEqual([expect.objectContaining({ code: 'conflict', message: REFUSALS.certificateCodeTaken })]);
    const sameIdOtherCode = await send(team.owner, 'certificate.issue', { ...first, code: drawCertificateCode(randomInt) });
    expect(sameIdOtherCode.rejected).toEqual([expect.objectContaining({ code: 'conflict', message: REFUSALS.certificateIdTaken })]);
    expect((await send(team.owner, 'certificate.issue', issueArgs(maria))).rejected).toEqual([]);
  });

  it('revoked: only by those who lead it, once, and the code then answers valid: false; a new one may be issued', async () => {
    const person = makeRegistration(workshop.id, makePerson({ fullName: 'Rosa Quispe' }));
    await push(team.server, team.owner, device.clientId, [device.next('attendance.register', person)]);
    const args = issueArgs(person);
    await send(team.owner, 'certificate.issue', args);
    expect((await send(team.otherFacilitador, 'certificate.revoke', { id: args.id })).rejected).toEqual([expect.objectContaining({ code: 'not_owner' })]);
    expect((await verify(args.code)).json()).toMatchObject({ valid: true });
    expect((await send(team.owner, 'certificate.revoke', { id: args.id })).rejected).toEqual([]);
    expect((await send(team.coordinadora, 'certificate.revoke', { id: args.id })).rejected).toEqual([]);
    const revoked = await verify(args.code);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ valid: false, name: 'Rosa Quispe' });
    const pulled = (await pullAll(team.server, team.owner)).changes.filter((c) => c.table === 'certificates' && c.id === args.id);
    expect((pulled.at(-1)!.row as CertificateRow).revokedAt).toBe(new Date(clock.now()).toISOString());
    expect((await send(team.owner, 'certificate.revoke', { id: uuidv7() })).rejected).toEqual([expect.objectContaining({ code: 'missing_record', message: REFUSALS.certificateGone })]);
    // After a revocation the person may receive a new constancia.
    expect((await send(team.owner, 'certificate.issue', issueArgs(person))).rejected).toEqual([]);
  });

  it('an unknown or malformed code is a 404 in Spanish; an erased person leaves nothing to show', async () => {
    for (const code of ['ZZZZ-0000', 'hola', 'K7QM-48211']) {
      const answer = await verify(code);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'not_found', message: REFUSALS.certificateNotFound } });
    }
    const person = makeRegistration(workshop.id, makePerson({ fullName: 'Julia Borrada', documentType: 'dni', documentNumber: '47777777' }));
    await push(team.server, team.owner, device.clientId, [device.next('attendance.register', person)]);
    const args = issueArgs(person);
    await send(team.owner, 'certificate.issue', args);
    expect((await verify(args.code)).statusCode).toBe(200);
    const erase = await team.server.app.inject({ method: 'POST', url: '/api/attendance/erase', headers: bearer(team.coordinadora), payload: { documentType: 'dni', documentNumber: '47777777' } });
    expect(erase.statusCode).toBe(200);
    expect((await verify(args.code)).statusCode).toBe(404);
  });

  it('each address verifies at most VERIFY_LIMIT codes a minute, then a 429 with Retry-After in Spanish', async () => {
    const address = '10.200.0.1';
    clock.advance(60_000 - (clock.now() % 60_000)); // the start of a fresh window
    for (let i = 0; i < VERIFY_LIMIT; i++) expect((await verify('ZZZZ-0000', address)).statusCode).toBe(404);
    const refused = await verify('ZZZZ-0000', address);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', message: describeTooManyVerifications(60) } });
    expect((await verify('ZZZZ-0000', '10.200.0.2')).statusCode).toBe(404);
    clock.advance(60_000);
    expect((await verify('ZZZZ-0000', address)).statusCode).toBe(404);
  });
});
