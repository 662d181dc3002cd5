/**
 * The participant's own constancia (#11): the phone that checked a person in asks by the id of
 * the record it made — no session, one record per question, the same allowance per address as
 * verifying. «pending» until issued (and for an id nobody made: no way to learn which ids exist),
 * then what the code verifies and the facilitators; revoked shows as such; a record merged into
 * another of the same person finds that one's constancia. Never a document or contact.
 */
import { describe, expect, it } from 'vitest';
import { describeTooManyVerifications } from '../../../src/shared/errors';
import { uuidv7 } from '../../../src/shared/ids';
import { drawCertificateCode, OwnCertificate } from '../../../src/shared/schemas/certificate';
import * as v from 'valibot';
import { createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, push } from '../../helpers/server-sync';
import { VERIFY_LIMIT } from '../../../src/server/workshops/certificate-verify';
import { createAddressSource, makePerson, makeRegistration, makeWorkshopArgs, randomInt, useWorkshopTeam } from './workshop-fixtures';

const clock = createTestClock();
/** A fresh address per verification, so the limit is tested only where it is meant to be. */
const freshAddress = createAddressSource(8);

describe.each(ENGINES)('the participant\'s own constancia on %s', (engine) => {
  const device = createDeviceQueue();
  const workshop = makeWorkshopArgs(clock.now(), { title: 'Gestión de festivales', facilitators: ['Rosa Huamán', 'Luis Mamani'] });
  const anaPerson = makePerson({ fullName: 'Ana Ccori Tito', documentType: 'dni', documentNumber: '40123456', email: 'ana@muni.gob.pe', phone: '987654321', regionCode: '05' });
  const ana = makeRegistration(workshop.id, anaPerson);
  // The same person checks in again from her own phone: the server merges it into the first record.
  const anaAgain = makeRegistration(workshop.id, anaPerson);

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    await push(server, owner, device.clientId, [
      device.next('workshop.save', workshop), device.next('attendance.register', ana), device.next('attendance.register', anaAgain),
    ]);
  });

  async function ask(attendanceId: string, address = freshAddress()) {
    const res = await team.server.app.inject({ method: 'GET', url: `/api/certificates/for-attendance/${attendanceId}`, remoteAddress: address });
    return { status: res.statusCode, body: res.json(), headers: res.headers, text: res.body };
  }
  const send = (name: 'certificate.issue' | 'certificate.revoke', args: object) => push(team.server, team.owner, device.clientId, [device.next(name, args as never)]);

  it('answers «pending» before anything is issued, and for an id nobody made; 404 for what is not an id', async () => {
    expect((await ask(ana.id)).body).toEqual({ status: 'pending' });
    expect((await ask(uuidv7())).body).toEqual({ status: 'pending' });
    const malformed = await ask('todos');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toMatch(/constancia/);
  });

  it('gives the issued constancia to the record it was issued to and to the record merged into it, without document or contact', async () => {
    const first = { id: uuidv7(), attendanceId: ana.id, workshopId: workshop.id, code: drawCertificateCode(randomInt) };
    expect((await send('certificate.issue', first)).rejected).toEqual([]);
    for (const id of [ana.id, anaAgain.id]) {
      const answer = await ask(id);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(v.parse(OwnCertificate, answer.body)).toEqual({
        status: 'issued', facilitators: ['Rosa Huamán', 'Luis Mamani'],
        certificate: { valid: true, code: first.code, name: 'Ana Ccori Tito', workshopTitle: 'Gestión de festivales', dates: { startsAt: workshop.startsAt, endsAt: workshop.endsAt }, hours: 4, region: 'Ayacucho' },
      });
      expect(answer.text).not.toMatch(/40123456|ana@muni|987654321/);
    }

    await send('certificate.revoke', { id: first.id });
    expect((await ask(ana.id)).body.certificate).toMatchObject({ valid: false, code: first.code });
    // Issued again after the revocation: the valid one is the person's constancia.
    const second = { id: uuidv7(), attendanceId: ana.id, workshopId: workshop.id, code: drawCertificateCode(randomInt) };
    expect((await send('certificate.issue', second)).rejected).toEqual([]);
    expect((await ask(anaAgain.id)).body.certificate).toMatchObject({ valid: true, code: second.code });
  });

  it('counts against the same allowance per address as verifying a code', async () => {
    const address = freshAddress();
    for (let i = 0; i < VERIFY_LIMIT; i++) expect((await ask(uuidv7(), address)).status).toBe(200);
    const refused = await ask(ana.id, address);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe(describeTooManyVerifications(Number(refused.headers['retry-after'])));
  });
});
