import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { withCatalogueTables } from '../../../src/server/catalogue/catalogue-tables';
import type { ChecklistTemplate } from '../../../src/shared/catalogue/template';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { AttendancePerson } from '../../../src/shared/schemas/attendance';
import { NationalReport } from '../../../src/shared/schemas/national-report';
import { bearer, createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, push } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs } from '../workshops/workshop-fixtures';

// A template of four items: one done, one that does not apply to an outdoor event, one late, one with a later due date.
const TEMPLATE: ChecklistTemplate = {
  id: 'prueba-informe', version: 1, title: 'Prueba', summary: 'Plantilla de prueba.', proposeWhen: {},
  sections: [{
    id: 'unica', title: 'Única', items: [
      { id: 'prueba.hecho', text: 'Hecho', dueDays: 10 },
      { id: 'prueba.bajo-techo', text: 'Solo bajo techo', dueDays: 5, appliesWhen: { outdoors: false } },
      { id: 'prueba.atrasado', text: 'Atrasado', dueDays: 3 },
      { id: 'prueba.con-plazo', text: 'Con plazo propio', dueDays: 0 },
    ],
  }],
};

const person = (fullName: string, documentNumber: string | undefined, entityName: string, more: Partial<AttendancePerson> = {}) =>
  makePerson({ fullName, ...(documentNumber ? { documentType: 'dni', documentNumber } : {}), entityName, ...more });

describe.each(ENGINES)('national report on %s', (engine) => {
  const clock = createTestClock(); // 2026-11-29
  let server: TestServer;
  let coordinadora: SessionResponse;
  let facilitador: SessionResponse;
  let gestora: SessionResponse;
  const ayacucho = makeWorkshopArgs(0, { startsAt: '2026-03-10T14:00:00.000Z', endsAt: '2026-03-10T18:00:00.000Z', topic: 'Gestión de eventos' });
  const lima = makeWorkshopArgs(0, { startsAt: '2026-07-06T14:00:00.000Z', endsAt: '2026-07-07T21:00:00.000Z', topic: 'Gestión de eventos', placeCode: '150101' });
  const callao = makeWorkshopArgs(0, { startsAt: '2026-07-20T14:00:00.000Z', endsAt: '2026-07-20T17:00:00.000Z', topic: 'Derechos de autor', placeCode: '070101' });
  const lastYear = makeWorkshopArgs(0, { startsAt: '2025-05-10T14:00:00.000Z', endsAt: '2025-05-10T18:00:00.000Z' });

  async function getReport(session: SessionResponse | undefined, query = 'year=2026') {
    return server.app.inject({ method: 'GET', url: `/api/reports/national?${query}`, headers: session ? bearer(session) : {} });
  }

  async function report(query?: string): Promise<NationalReport> {
    const res = await getReport(coordinadora, query);
    expect(res.statusCode, res.body).toBe(200);
    return v.parse(NationalReport, res.json());
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    coordinadora = await createLoggedInUser(server, ['coordinador']);
    facilitador = await createLoggedInUser(server, ['facilitador']);
    gestora = await createLoggedInUser(server, ['gestor']);
    const device = createDeviceQueue();
    const register = (workshopId: string, p: AttendancePerson) => device.next('attendance.register', makeRegistration(workshopId, p));
    await push(server, facilitador, device.clientId, [
      ...[ayacucho, lima, callao, lastYear].map((w) => device.next('workshop.save', w)),
      register(ayacucho.id, person('María Quispe Huamaní', '41000001', 'Municipalidad Distrital de Quinua')),
      register(ayacucho.id, person('Juana Pari', '41000002', 'MUNICIPALIDAD DISTRITAL DE QUINUA')),
      register(ayacucho.id, person('Pedro Cóndor', undefined, 'Municipalidad Provincial de Huamanga', { entityType: 'municipalidad-provincial', governmentLevel: 'provincial' })),
      register(ayacucho.id, person('Rosa Yupanqui', '41000004', 'DDC Ayacucho', { entityType: 'ddc', governmentLevel: 'regional' })),
      register(ayacucho.id, person('Luis Ccori', '41000005', 'Municipalidad Distrital de Tambo')),
      register(lima.id, person('Maria Quispe H.', '41000001', 'Municipalidad Distrital de Quinua')),
      register(lima.id, person('Ana Torres', '42000006', 'Municipalidad Distrital de Miraflores', { regionCode: '1501' })),
      register(lima.id, person('Jorge Salas', '42000007', 'Gobierno Regional del Callao', { entityType: 'gobierno-regional', governmentLevel: 'regional', regionCode: '07' })),
      register(callao.id, person('Elena Ríos', '43000008', 'Municipalidad Provincial del Callao', { entityType: 'municipalidad-provincial', governmentLevel: 'provincial', regionCode: '07' })),
      register(lastYear.id, person('Año Pasado', '44000009', 'Municipalidad Distrital de Quinua')),
      ...[5, 4, 5, 4, 5].map((contenido, i) => device.next('feedback.submit', makeFeedback(ayacucho.id, {
        ratings: { contenido, facilitacion: 4, utilidad: 5, organizacion: 3 }, recommend: [9, 8, 10, 9, 7][i]!, comment: 'Comentario secreto de Quinua',
      }))),
      ...[1, 2, 3, 4].map(() => device.next('feedback.submit', makeFeedback(callao.id))),
    ]);
    await withCatalogueTables(server.store.db).insertInto('catalogue_templates')
      .values({ id: TEMPLATE.id, hash: 'prueba', row: JSON.stringify(TEMPLATE), build_hash: null, deleted: 0, version: 999_999, updated_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const phone = createDeviceQueue();
    const held = makeEventArgs({ startsAt: '2026-03-20T15:00:00.000Z', endsAt: '2026-03-20T23:00:00.000Z', title: 'Evento secreto' });
    const coming = makeEventArgs({ startsAt: '2026-12-15T15:00:00.000Z', endsAt: '2026-12-15T23:00:00.000Z', placeCode: '080101' });
    const archived = makeEventArgs({ startsAt: '2026-05-20T15:00:00.000Z', endsAt: '2026-05-20T23:00:00.000Z' });
    const nextYear = makeEventArgs({ startsAt: '2027-01-10T15:00:00.000Z', endsAt: '2027-01-10T23:00:00.000Z' });
    const byDepartment = makeEventArgs({ startsAt: '2026-06-01T15:00:00.000Z', endsAt: '2026-06-01T23:00:00.000Z', placeCode: '07' });
    const [run, setAside] = [uuidv7(), uuidv7()];
    const setItem = (runId: string, itemId: string, patch: object) => phone.next('checklist.setItem', { runId, itemId, patch });
    await push(server, gestora, phone.clientId, [
      ...[held, coming, archived, nextYear, byDepartment].map((e) => phone.next('event.save', e)),
      phone.next('event.archive', { id: archived.id }),
      phone.next('checklist.start', { runId: run, eventId: held.id, templateId: TEMPLATE.id, templateVersion: 1 }),
      setItem(run, 'prueba.hecho', { done: true }),
      setItem(run, 'prueba.con-plazo', { dueDate: '2026-12-31' }),
      phone.next('checklist.addItem', { runId: run, itemId: 'propio-1', section: 'Única', text: 'Ítem propio' }),
      phone.next('checklist.start', { runId: setAside, eventId: coming.id, templateId: TEMPLATE.id, templateVersion: 1 }),
      setItem(setAside, 'tinkuy.run', { notApplicable: true }),
    ]);
  });
  afterAll(async () => server.close());

  it('counts people once, entities, municipalities and their share per RED region, Lima Metropolitana and Callao apart', async () => {
    const { regions, total } = await report();
    expect(regions).toHaveLength(26);
    const region = (code: string) => regions.find((r) => r.code === code)!;
    expect(region('05')).toMatchObject({ people: 5, entities: 4, municipalities: 3, districts: 124, municipalityShare: 0.024 });
    expect(region('1501')).toMatchObject({ people: 1, entities: 1, municipalities: 1, districts: 43, municipalityShare: 0.023 });
    expect(region('07')).toMatchObject({ people: 2, entities: 2, municipalities: 1, districts: 7, municipalityShare: 0.143 });
    expect(region('15')).toMatchObject({ people: 0, workshops: 0 });
    expect(total).toMatchObject({ people: 8, entities: 7, municipalities: 5, districts: 1891, municipalityShare: 0.003 });
  });

  it('counts workshops and training hours where they were held, the virtual one only in the total, and by month', async () => {
    const { regions, total, months } = await report();
    const region = (code: string) => regions.find((r) => r.code === code)!;
    expect([region('05'), region('1501'), region('07')].map((r) => [r.workshops, r.hours])).toEqual([[1, 4], [1, 14], [1, 3]]);
    // The seeded virtual workshop of 10 December (9:00–17:00) counts in the total.
    expect([total.workshops, total.hours]).toEqual([4, 29]);
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const month = (mm: string) => months.find((m) => m.month === `2026-${mm}`)!;
    expect(month('03')).toMatchObject({ people: 5, workshops: 1, hours: 4 });
    expect(month('07')).toMatchObject({ people: 4, workshops: 2, hours: 17 });
    expect(month('12')).toMatchObject({ people: 0, workshops: 1, hours: 8 });
  });

  it('gives feedback averages only where five or more opinions stand behind them', async () => {
    const { regions, total } = await report();
    expect(regions.find((r) => r.code === '05')!.feedback).toEqual({ count: 5, contenido: 4.6, facilitacion: 4, utilidad: 5, organizacion: 3, recommend: 8.6 });
    expect(regions.find((r) => r.code === '07')!.feedback).toEqual({ count: 4 });
    expect(total.feedback).toMatchObject({ count: 9, contenido: expect.any(Number), recommend: expect.any(Number) });
    const onlyCallao = await report(`year=2026&topic=${encodeURIComponent('Derechos de autor')}`);
    expect(onlyCallao.total).toMatchObject({ workshops: 1, people: 1, feedback: { count: 4 } });
    expect(onlyCallao.total.feedback).toEqual({ count: 4 });
  });

  it('counts events planned and held, and checklist items that apply, resolved and overdue, as the device does', async () => {
    const { regions, total, months } = await report();
    const region = (code: string) => regions.find((r) => r.code === code)!;
    expect(region('05')).toMatchObject({ events: { planned: 1, held: 1 }, checklists: { items: 4, resolved: 1, overdue: 1 } });
    expect(region('08')).toMatchObject({ events: { planned: 1, held: 0 }, checklists: { items: 0, resolved: 0, overdue: 0 } });
    expect(region('07').events).toEqual({ planned: 1, held: 1 });
    expect(total).toMatchObject({ events: { planned: 3, held: 2 }, checklists: { items: 4, resolved: 1, overdue: 1 } });
    expect(months.find((m) => m.month === '2026-05')!.events).toEqual({ planned: 0, held: 0 });
  });

  it('filters the people by entity type and government level, and lists the year\'s topics', async () => {
    const districts = await report('year=2026&entityType=municipalidad-distrital');
    expect(districts.total).toMatchObject({ people: 4, entities: 3, municipalities: 3 });
    expect(districts.filters).toEqual({ entityType: 'municipalidad-distrital' });
    const regional = await report('year=2026&governmentLevel=regional');
    expect(regional.total).toMatchObject({ people: 2, municipalities: 0 });
    expect(districts.topics).toEqual(expect.arrayContaining(['Derechos de autor', 'Gestión de eventos']));
    expect((await report('year=2025')).total).toMatchObject({ people: 1, workshops: 1 });
  });

  it('carries no personal data and no comment: no name, document, entity name, event title or free text', async () => {
    const body = (await getReport(coordinadora)).body;
    for (const secret of ['Quispe', '41000001', 'Quinua', 'Miraflores', 'Comentario secreto', 'Evento secreto', 'Huamanga']) expect(body).not.toContain(secret);
  });

  it.each([
    { who: 'nobody', status: 401, code: 'unauthorized' },
    { who: 'a gestor', status: 403, code: 'forbidden' },
    { who: 'a facilitador', status: 403, code: 'forbidden' },
  ])('answers $status to $who', async ({ who, status, code }) => {
    const session = who === 'nobody' ? undefined : who === 'a gestor' ? gestora : facilitador;
    const res = await getReport(session);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (status === 403) expect(res.json().error.message).toBe('Solo la coordinación de la RED ve el panorama nacional.');
  });

  it('a change reaches the next report: a report kept by the server is used only while nothing was written', async () => {
    const before = await report();
    clock.advance(60_000);
    expect((await report()).generatedAt, 'the same report, built a minute ago').toBe(before.generatedAt);
    const device = createDeviceQueue();
    await push(server, facilitador, device.clientId, [
      device.next('attendance.register', makeRegistration(ayacucho.id, person('Nueva Persona', '41000099', 'Municipalidad Distrital de Quinua'))),
    ]);
    const after = await report();
    expect(after.regions.find((r) => r.code === '05')!.people).toBe(before.regions.find((r) => r.code === '05')!.people + 1);
    expect(after.total.people).toBe(before.total.people + 1);
    expect(after.generatedAt).toBe(new Date(clock.now()).toISOString());
  });

  it.each(['', 'year=26', 'year=2026&entityType=ong', 'year=2026&otro=1'])('refuses the query «%s» in Spanish', async (query) => {
    const res = await getReport(coordinadora, query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', message: 'Los datos enviados no son válidos.' });
  });
});
