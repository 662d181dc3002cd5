import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { Change } from '../../../src/shared/protocol';
import type { AttendancePerson, AttendanceRow } from '../../../src/shared/schemas/attendance';
import { createTestClock, ENGINES } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs, useWorkshopTeam } from './workshop-fixtures';

const clock = createTestClock();
const ENTITY = 'Municipalidad Distrital de San Juan Bautista';
const SURNAMES = ['Ñahui Pérez', 'Quispe Huamán', 'Mamani Cóndor', 'Huarcaya Ríos', 'Cárdenas Llamoja'];

/** The laptop's 20 people: the first 10 with a DNI, the rest without. */
function makeLaptopPeople(): AttendancePerson[] {
  return Array.from({ length: 20 }, (_, i) =>
    makePerson({
      fullName: `José ${SURNAMES[i % SURNAMES.length]} ${i}`,
      entityName: ENTITY,
      ...(i < 10 ? { documentType: 'dni' as const, documentNumber: String(40_000_000 + i) } : {}),
    }),
  );
}

/** The phone's 10: four by the same DNI, three by the same name and entity typed otherwise, a namesake, two new. */
function makePhonePeople(laptop: AttendancePerson[]): AttendancePerson[] {
  const sameDocument = [0, 1, 2, 3].map((i) => makePerson({ fullName: `Jose Otro Nombre ${i}`, entityName: ENTITY, documentType: 'dni', documentNumber: ` ${40_000_000 + i}`.trim(), email: `persona${i}@muni.gob.pe` }));
  const sameName = [10, 11, 12].map((i) => makePerson({ fullName: `  ${laptop[i]!.fullName.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '')}  `.replace(' ', '   '), entityName: ENTITY.toLowerCase() + '.', position: 'Especialista' }));
  const namesake = makePerson({ fullName: laptop[5]!.fullName, entityName: ENTITY, documentType: 'dni', documentNumber: '49999999' });
  const fresh = [makePerson({ fullName: 'Ana Sulca Tito', entityName: 'DDC Ayacucho', entityType: 'ddc', governmentLevel: 'nacional' }), makePerson({ fullName: 'Pedro Yupanqui', entityName: 'Gobierno Regional de Ayacucho', entityType: 'gobierno-regional', governmentLevel: 'regional' })];
  return [...sameDocument, ...sameName, namesake, ...fresh];
}

function liveRows(changes: Change[]): AttendanceRow[] {
  const latest = new Map<string, Change>();
  for (const change of changes.filter((c) => c.table === 'attendance')) latest.set(change.id, change);
  return [...latest.values()].filter((c) => !c.deleted).map((c) => c.row as AttendanceRow);
}

describe.each(ENGINES)('attendance on %s', (engine) => {
  const workshop = makeWorkshopArgs(clock.now());
  const laptop = createDeviceQueue();
  // The phone registers after the laptop did: its writes carry later HLC stamps.
  const phone = createDeviceQueue(uuidv7(), Date.parse('2026-11-29T14:30:00.000Z'));
  const laptopIds: string[] = [];
  const phoneIds: string[] = [];

  const team = useWorkshopTeam(engine, clock, async ({ server, owner }) => {
    await push(server, owner, laptop.clientId, [laptop.next('workshop.save', workshop)]);
  });

  it('30 registrations from two devices, with duplicates by document and by folded name and entity, become exactly 23 people', async () => {
    const laptopPeople = makeLaptopPeople();
    const laptopBatch = laptopPeople.map((person) => makeRegistration(workshop.id, person));
    laptopIds.push(...laptopBatch.map((r) => r.id));
    const phoneBatch = makePhonePeople(laptopPeople).map((person) => makeRegistration(workshop.id, person));
    phoneIds.push(...phoneBatch.map((r) => r.id));
    expect((await push(team.server, team.owner, laptop.clientId, laptopBatch.map((r) => laptop.next('attendance.register', r)))).rejected).toEqual([]);
    expect((await push(team.server, team.owner, phone.clientId, phoneBatch.map((r) => phone.next('attendance.register', r)))).rejected).toEqual([]);
    // The phone pushes the same batch again (its answer was lost): nothing changes.
    await push(team.server, team.owner, phone.clientId, phoneBatch.map((r, i) => ({ ...phone.next('attendance.register', r), seq: i + 1 })).slice(0, 10));

    const { changes } = await pullAll(team.server, team.owner);
    const rows = liveRows(changes);
    expect(rows).toHaveLength(23);
    const merged = rows.filter((r) => r.mergedIds.length > 0);
    expect(merged.map((r) => [laptopIds.indexOf(r.id), r.mergedIds])).toEqual(
      [0, 1, 2, 3, 10, 11, 12].map((i, k) => [i, [phoneIds[k]!]]),
    );
    // The namesake with another DNI stays a person of their own.
    expect(rows.some((r) => r.id === phoneIds[7])).toBe(true);
    // The merged-away ids are tombstones, so the phone drops its copies on its next pull.
    const tombstones = changes.filter((c) => c.table === 'attendance' && c.deleted).map((c) => c.id);
    expect(new Set(tombstones)).toEqual(new Set(phoneIds.slice(0, 7)));
  });

  it('a merge keeps the first id and takes each field from the later write (HLC), adding what the first lacked', async () => {
    const rows = liveRows((await pullAll(team.server, team.owner)).changes);
    const first = rows.find((r) => r.id === laptopIds[0])!;
    expect(first.person).toMatchObject({ fullName: 'Jose Otro Nombre 0', email: 'persona0@muni.gob.pe', documentNumber: '40000000' });
    expect(first.recordedBy).toBe(team.owner.user.id);
    expect(first.consent).toEqual({ given: true, textVersion: 'privacidad-2026-11' });
    const byName = rows.find((r) => r.id === laptopIds[10])!;
    expect(byName.person.position).toBe('Especialista');
  });

  it('a merge of one name written two ways keeps the better spelling (accents, capitals), though the worse one is newer', async () => {
    const rows = liveRows((await pullAll(team.server, team.owner)).changes);
    // The phone typed «  JOSE   NAHUI PEREZ 10  » at «municipalidad distrital de san juan bautista.», later.
    for (const i of [10, 11, 12]) {
      const merged = rows.find((r) => r.id === laptopIds[i])!;
      expect(merged.person.fullName).toBe(`José ${SURNAMES[i % SURNAMES.length]} ${i}`);
      expect(merged.person.entityName).toBe(ENTITY);
    }
  });

  it('a correction sent for a merged-away id lands on the surviving record; removing that id removes nobody', async () => {
    const device = createDeviceQueue();
    const answer = await push(team.server, team.owner, device.clientId, [
      device.next('attendance.update', { id: phoneIds[1]!, patch: { phone: '966 123 456' } }),
      device.next('attendance.remove', { id: phoneIds[1]! }),
    ]);
    expect(answer.rejected).toEqual([]);
    const survivor = liveRows((await pullAll(team.server, team.owner)).changes).find((r) => r.id === laptopIds[1]);
    expect(survivor?.person.phone).toBe('966 123 456');
  });

  it('a pulled record carries the stamp of the write that set each field: a device tells its own corrections from others\' (issue 9)', async () => {
    const device = createDeviceQueue();
    const correction = device.next('attendance.update', { id: laptopIds[3]!, patch: { position: 'Gestora cultural' } });
    expect((await push(team.server, team.owner, device.clientId, [correction])).rejected).toEqual([]);
    const row = liveRows((await pullAll(team.server, team.owner)).changes).find((r) => r.id === laptopIds[3]);
    expect(row?.fieldHlc?.position).toBe(correction.hlc);
    expect(row?.fieldHlc?.fullName).toMatch(/^\d{15}:/);
    expect(row?.fieldHlc?.fullName).not.toBe(correction.hlc);
  });

  it('only the workshop’s owner or a coordinador corrects or removes; a removal leaves a tombstone', async () => {
    const intruder = createDeviceQueue();
    const refused = await push(team.server, team.otherFacilitador, intruder.clientId, [
      intruder.next('attendance.update', { id: laptopIds[2]!, patch: { fullName: 'Otro' } }),
      intruder.next('attendance.remove', { id: laptopIds[2]! }),
    ]);
    expect(refused.rejected.map((r) => r.code)).toEqual(['not_owner', 'not_owner']);
    const office = createDeviceQueue();
    const done = await push(team.server, team.coordinadora, office.clientId, [
      office.next('attendance.update', { id: laptopIds[2]!, patch: { position: 'Jefa de cultura' } }),
      office.next('attendance.remove', { id: laptopIds[19]! }),
    ]);
    expect(done.rejected).toEqual([]);
    const { changes } = await pullAll(team.server, team.owner);
    expect(liveRows(changes).find((r) => r.id === laptopIds[2])?.person.position).toBe('Jefa de cultura');
    expect(changes.filter((c) => c.id === laptopIds[19]).at(-1)).toMatchObject({ deleted: true });
    const stored = await team.server.store.db.selectFrom('attendance').selectAll().where('id', '=', laptopIds[19]!).executeTakeFirstOrThrow();
    expect([stored.person, stored.doc_key, stored.name_key]).toEqual(['{}', null, null]);
  });

  it('a registration without consent is refused with the Ley 29733 reason, and nothing is stored', async () => {
    const device = createDeviceQueue();
    const registration = { ...makeRegistration(workshop.id, makePerson({ fullName: 'Sin consentimiento' })), consent: { given: false, textVersion: 'privacidad-2026-11' } };
    const answer = await push(team.server, team.owner, device.clientId, [device.next('attendance.register', registration)]);
    expect(answer.rejected[0]).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('Sin consentimiento no se puede registrar la asistencia.') });
    expect(await team.server.store.db.selectFrom('attendance').select('id').where('id', '=', registration.id).executeTakeFirst()).toBeUndefined();
  });

  it('a gestor without the workshop code may not register anyone', async () => {
    const device = createDeviceQueue();
    const answer = await push(team.server, team.gestor, device.clientId, [device.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Sin código' })))]);
    expect(answer.rejected[0]).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Falta el código del taller/) });
  });

  it('«No es la misma persona»: a v2 registration set apart from a namesake is never merged into it, the record keeps the mark, a later v1 one still merges with one of them', async () => {
    const device = createDeviceQueue();
    const who = () => makePerson({ fullName: 'Juan Condori Mamani', entityName: 'Municipalidad Distrital de Ácora' });
    const first = makeRegistration(workshop.id, who());
    const apart = makeRegistration(workshop.id, who(), { distinctFrom: [first.id] });
    const again = makeRegistration(workshop.id, makePerson({ fullName: 'JUAN CONDORI MAMANI', entityName: 'Municipalidad Distrital de Ácora' }));
    const answer = await push(team.server, team.owner, device.clientId, [
      device.next('attendance.register', first, { v: 2 }),
      device.next('attendance.register', apart, { v: 2 }),
      device.next('attendance.register', again, { v: 1 }),
    ]);
    expect(answer.rejected).toEqual([]);
    const rows = liveRows((await pullAll(team.server, team.owner)).changes);
    const [kept, setApart] = [rows.find((r) => r.id === first.id)!, rows.find((r) => r.id === apart.id)!];
    expect(setApart.distinctFrom).toEqual([first.id]);
    // Both stay; a later registration of the name merges into one of them (the first by time,
    // then by id), never the two together.
    expect([...kept.mergedIds, ...setApart.mergedIds]).toEqual([again.id]);
    expect(kept.distinctFrom).toBeUndefined();
  });

  it('the owner merges two records of one person by hand: one stays with both ids, the other becomes a pointer; another facilitador may not', async () => {
    const device = createDeviceQueue();
    const kept = makeRegistration(workshop.id, makePerson({ fullName: 'Rosa Condori Mamani', entityName: 'DDC Puno' }));
    const other = makeRegistration(workshop.id, makePerson({ fullName: 'Rosa Condory Mamany', entityName: 'DDC Puno', phone: '951 222 333' }));
    await push(team.server, team.owner, device.clientId, [device.next('attendance.register', kept, { v: 2 }), device.next('attendance.register', other, { v: 2 })]);
    const intruder = createDeviceQueue();
    const refused = await push(team.server, team.otherFacilitador, intruder.clientId, [intruder.next('attendance.merge', { keepId: kept.id, mergeId: other.id })]);
    expect(refused.rejected.map((r) => r.code)).toEqual(['not_owner']);
    const merge = device.next('attendance.merge', { keepId: kept.id, mergeId: other.id });
    expect((await push(team.server, team.owner, device.clientId, [merge])).rejected).toEqual([]);
    const { changes } = await pullAll(team.server, team.owner);
    const rows = liveRows(changes);
    const one = rows.find((r) => r.id === kept.id)!;
    expect(one.person).toMatchObject({ fullName: 'Rosa Condori Mamani', phone: '951 222 333' });
    expect(one.mergedIds).toEqual([other.id]);
    expect(rows.some((r) => r.id === other.id)).toBe(false);
    expect(changes.filter((c) => c.id === other.id).at(-1)?.deleted).toBe(true);
    // A correction sent later for the merged-away id lands on the kept record.
    expect((await push(team.server, team.owner, device.clientId, [device.next('attendance.update', { id: other.id, patch: { position: 'Promotora' } })])).rejected).toEqual([]);
    expect(liveRows((await pullAll(team.server, team.owner)).changes).find((r) => r.id === kept.id)?.person.position).toBe('Promotora');
  });

  it('two people whose names fold to nothing are never merged by name (the device applies the same rule)', async () => {
    const device = createDeviceQueue();
    const blank = [makeRegistration(workshop.id, makePerson({ fullName: '...', entityName: 'DDC Puno' })), makeRegistration(workshop.id, makePerson({ fullName: '—', entityName: 'DDC Puno' }))];
    expect((await push(team.server, team.owner, device.clientId, blank.map((r) => device.next('attendance.register', r)))).rejected).toEqual([]);
    const rows = liveRows((await pullAll(team.server, team.owner)).changes).filter((r) => blank.some((b) => b.id === r.id));
    expect(rows.map((r) => r.mergedIds)).toEqual([[], []]);
  });

  it.each([
    { who: 'gestor', sees: false },
    { who: 'the owner', sees: true },
    { who: 'another facilitador', sees: false },
    { who: 'a coordinador', sees: true },
  ])('$who pulling sees this workshop’s attendance and feedback: $sees', async ({ who, sees }) => {
    const device = createDeviceQueue();
    // Opinions reach staff in groups of five (security report M1): one group.
    await push(team.server, team.owner, device.clientId, Array.from({ length: 5 }, () => device.next('feedback.submit', makeFeedback(workshop.id))));
    const session = { gestor: team.gestor, 'the owner': team.owner, 'another facilitador': team.otherFacilitador, 'a coordinador': team.coordinadora }[who]!;
    const { changes } = await pullAll(team.server, session);
    const ofWorkshop = changes.filter((c) => (c.table === 'attendance' || c.table === 'feedback') && (c.row as { workshopId?: string } | undefined)?.workshopId === workshop.id);
    expect(ofWorkshop.some((c) => c.table === 'attendance')).toBe(sees);
    expect(ofWorkshop.some((c) => c.table === 'feedback')).toBe(sees);
  });
});
