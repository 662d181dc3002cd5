import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDatabases, type Databases } from '../../../src/db/connection';
import { isSamePerson, type PersonKeys } from '../../../src/shared/attendance-match';
import { findDuplicate, registerAttendance, removeAttendance, updateAttendance, type LocalAttendance } from '../../../src/state/attendance-model';
import { countByLevel, countByRegion, formatAttendanceCsv } from '../../../src/state/attendance-report-model';
import { uuidv7 } from '../../../src/shared/ids';
import { drainOutbox } from '../../../src/sync/push';
import { acceptAll, createDevice, scriptTransport, signIn } from '../sync/device-fixture';
import { makePerson } from '../../component/workshops/workshop-fixture';
import { parseCsv } from '../../helpers/csv';

const P = (fullName: string, entityName: string, doc?: string): PersonKeys => ({
  fullName, entityName, ...(doc ? { documentType: 'dni' as const, documentNumber: doc } : {}),
});

describe('the same person (duplicate warning and local merge agree with the server)', () => {
  it.each([
    ['same folded name and entity', P('José Pérez', 'Municipalidad Distrital de Quinua'), P('jose  PEREZ.', 'municipalidad distrital de quinua'), true],
    ['same document, different spelling', P('José Pérez', 'MD Quinua', '45678912'), P('Jose Perez Ccori', 'Municipalidad de Quinua', '45678912'), true],
    ['same name, other entity', P('José Pérez', 'Municipalidad Distrital de Quinua'), P('José Pérez', 'Gobierno Regional de Ayacucho'), false],
    ['namesakes with different documents', P('José Pérez', 'MD Quinua', '45678912'), P('José Pérez', 'MD Quinua', '11111111'), false],
    ['one with a document, one without, same name and entity', P('José Pérez', 'MD Quinua', '45678912'), P('José Pérez', 'MD Quinua'), true],
    ['empty names never match', P('', 'MD Quinua'), P(' ', 'MD Quinua'), false],
  ])('%s', (_case, a, b, expected) => {
    expect(isSamePerson(a, b)).toBe(expected);
    expect(isSamePerson(b, a)).toBe(expected);
  });
});

describe('attendance on the device', () => {
  let dbs: Databases;
  const workshopId = uuidv7();
  beforeEach(() => {
    dbs = createDevice();
    useDatabases(dbs);
  });
  afterEach(() => useDatabases(undefined));

  it('a second registration of the same person merges into the first, as the server does, with both mutations queued', async () => {
    const first = await registerAttendance({ workshopId, person: makePerson(), consentGiven: true });
    const second = await registerAttendance({ workshopId, person: makePerson({ fullName: 'MARIA QUISPE HUAMANI', position: 'Promotora' }), consentGiven: true });
    const rows = await dbs.user.attendance.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first);
    expect(rows[0]!.mergedIds).toEqual([second]);
    expect(rows[0]!.person.position).toBe('Promotora');
    expect(await dbs.user.outbox.count()).toBe(2);
  });

  it('with the roster on screen the save skips the scan and still merges, and a stale roster never merges two people', async () => {
    const first = await registerAttendance({ workshopId, person: makePerson(), consentGiven: true });
    const roster = await dbs.user.attendance.toArray();
    await registerAttendance({ workshopId, person: makePerson({ fullName: 'maría quispe huamaní' }), consentGiven: true, roster });
    await registerAttendance({ workshopId, person: makePerson({ fullName: 'Otra Persona' }), consentGiven: true, roster: [] });
    const rows = await dbs.user.attendance.toArray();
    expect(rows.map((r) => [r.person.fullName, r.mergedIds.length]).sort()).toEqual([['María Quispe Huamaní', 1], ['Otra Persona', 0]]); // the merge keeps the better-written name
    expect(rows.find((r) => r.id === first)?.mergedIds).toHaveLength(1);
  });

  it('refuses to record without consent: nothing in the table, nothing queued', async () => {
    await expect(registerAttendance({ workshopId, person: makePerson(), consentGiven: false })).rejects.toThrow('Sin consentimiento no se puede registrar la asistencia.');
    expect(await dbs.user.attendance.count()).toBe(0);
    expect(await dbs.user.outbox.count()).toBe(0);
  });

  it('corrections win field by field and removal takes the record off the roster', async () => {
    const id = await registerAttendance({ workshopId, person: makePerson(), consentGiven: true });
    await updateAttendance(id, { regionCode: '08', position: 'Jefa de cultura' });
    const [row] = await dbs.user.attendance.toArray();
    expect(row!.person).toMatchObject({ regionCode: '08', position: 'Jefa de cultura', fullName: 'María Quispe Huamaní' });
    await removeAttendance(id);
    expect(await dbs.user.attendance.count()).toBe(0);
  });

  it('finds the duplicate among 500 records (the in-memory check the form runs at each keystroke)', async () => {
    const roster = Array.from({ length: 500 }, (_, i) => ({
      id: `r${i}`, workshopId, person: makePerson({ fullName: `Persona ${i}`, documentType: 'dni', documentNumber: String(40000000 + i) }),
      consent: { given: true as const, textVersion: 'v1' }, recordedBy: null, recordedAt: '2026-12-01T14:00:00.000Z', mergedIds: [], updatedAt: '',
    }));
    expect(findDuplicate(roster, P('persona 499', 'Municipalidad Distrital de Quinua'))?.id).toBe('r499');
    expect(findDuplicate(roster, P('Otro Nombre', 'Otra', '40000250'))?.id).toBe('r250');
    expect(findDuplicate(roster, P('Nadie', 'Ninguna'))).toBeUndefined();
  });

  it('a participant without an account pushes code-carrying mutations without a bearer; the facilitador\'s rows wait for a login', async () => {
    await registerAttendance({ workshopId, workshopCode: 'K7M2QP', person: makePerson(), consentGiven: true });
    await registerAttendance({ workshopId, person: makePerson({ fullName: 'Sin código' }), consentGiven: true });
    const { transport, seen } = scriptTransport(acceptAll);
    const outcome = await drainOutbox({ user: dbs.user, catalogue: dbs.catalogue, transport }, { refreshed: false });
    expect(outcome.kind).toBe('needs-login');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['authorization']).toBeUndefined();
    expect((seen[0]!.body as { mutations: { args: { workshopCode?: string } }[] }).mutations.map((m) => m.args.workshopCode)).toEqual(['K7M2QP']);
    expect(await dbs.user.outbox.count()).toBe(1);
    await signIn(dbs);
    await drainOutbox({ user: dbs.user, catalogue: dbs.catalogue, transport }, { refreshed: false });
    expect(seen[1]!.headers['authorization']).toBe('Bearer access-1');
    expect(await dbs.user.outbox.count()).toBe(0);
  });
});

describe('the facilitador\'s figures and CSV', () => {
  const row = (fullName: string, overrides: Partial<LocalAttendance['person']> = {}): LocalAttendance => ({
    id: uuidv7(), workshopId: 'w', person: makePerson({ fullName, ...overrides }), consent: { given: true, textVersion: 'ley29733-2026-11-v1' },
    recordedBy: null, recordedAt: '2026-12-01T14:05:00.000Z', mergedIds: [], updatedAt: '',
  });
  const roster = [
    row('Ñusta Huamán Pérez', { position: 'Jefa de "Cultura", turismo' }),
    row('José Ccori', { regionCode: '08', entityType: 'gobierno-regional', entityName: 'Gobierno Regional de Cusco', governmentLevel: 'regional' }),
    row('Zoila Ríos'),
  ];

  it('counts by region (most first) and by government level', () => {
    expect(countByRegion(roster).map((r) => [r.label, r.count])).toEqual([['Ayacucho', 2], ['Cusco', 1]]);
    expect(countByLevel(roster).map((r) => [r.label, r.count])).toEqual([['Regional', 1], ['Distrital', 2]]);
  });

  it('writes a CSV with a BOM, comma separators and quotes that parses back with every accent intact', () => {
    const csv = formatAttendanceCsv(roster);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    expect(lines[0]![0]).toBe('Nombre completo');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Ñusta Huamán Pérez');
    expect(lines[1]).toContain('Jefa de "Cultura", turismo');
    expect(lines[1]).toContain('2026-12-01 09:05');
    expect(lines[2]).toContain('Gobierno Regional de Cusco');
  });
});
