/**
 * The report's mirror (report-mirror.ts) reads only the rows written since the last report. Each
 * kind of write — a record added, corrected, removed; a workshop moved to another year; an event
 * archived; a checklist item ticked — must leave the kept mirror giving exactly the report a
 * mirror read from scratch gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCatalogueTables } from '../../../src/server/catalogue/catalogue-tables';
import { buildNationalReport } from '../../../src/server/reports/national-report';
import { createReportMirror, type ReportMirror } from '../../../src/server/reports/report-mirror';
import type { AppContext } from '../../../src/server/context';
import type { ChecklistTemplate } from '../../../src/shared/catalogue/template';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, push } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs } from '../workshops/workshop-fixtures';

const TEMPLATE: ChecklistTemplate = {
  id: 'prueba-espejo', version: 1, title: 'Prueba', summary: 'Plantilla de prueba.', proposeWhen: {},
  sections: [{ id: 'unica', title: 'Única', items: [{ id: 'prueba.uno', text: 'Uno', dueDays: 3 }, { id: 'prueba.dos', text: 'Dos', dueDays: 40 }] }],
};

describe.each(ENGINES)('the national report mirror on %s', (engine) => {
  const clock = createTestClock(); // 2026-11-29
  let server: TestServer;
  let facilitador: SessionResponse;
  let gestora: SessionResponse;
  let ctx: AppContext;
  let kept: ReportMirror;
  const device = createDeviceQueue();
  const phone = createDeviceQueue();
  const march = makeWorkshopArgs(0, { startsAt: '2026-03-10T14:00:00.000Z', endsAt: '2026-03-10T18:00:00.000Z', topic: 'Gestión de eventos' });
  const july = makeWorkshopArgs(0, { startsAt: '2026-07-06T14:00:00.000Z', endsAt: '2026-07-06T21:00:00.000Z', placeCode: '150101' });
  const event = makeEventArgs({ startsAt: '2026-12-15T15:00:00.000Z', endsAt: '2026-12-15T23:00:00.000Z', placeCode: '080101' });
  const run = uuidv7();
  const first = makeRegistration(march.id, makePerson({ fullName: 'María Quispe', documentType: 'dni', documentNumber: '41000001', entityName: 'Municipalidad Distrital de Quinua' }));
  const second = makeRegistration(march.id, makePerson({ fullName: 'Juana Pari', documentType: 'dni', documentNumber: '41000002', entityName: 'DDC Ayacucho', entityType: 'ddc', governmentLevel: 'regional' }));

  /** The report from the kept mirror equals one read from scratch; returns it. */
  async function expectSameAsFresh() {
    const query = { year: 2026 };
    const incremental = await buildNationalReport(ctx, query, kept);
    const fresh = await buildNationalReport(ctx, query, createReportMirror(ctx.db));
    expect(incremental).toEqual(fresh);
    return incremental;
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    ctx = { db: server.store.db, engine, now: clock.now };
    kept = createReportMirror(ctx.db);
    facilitador = await createLoggedInUser(server, ['facilitador']);
    gestora = await createLoggedInUser(server, ['gestor']);
    await withCatalogueTables(server.store.db).insertInto('catalogue_templates')
      .values({ id: TEMPLATE.id, hash: 'espejo', row: JSON.stringify(TEMPLATE), build_hash: null, deleted: 0, version: 1, updated_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    await push(server, facilitador, device.clientId, [
      device.next('workshop.save', march), device.next('workshop.save', july),
      device.next('attendance.register', first), device.next('attendance.register', second),
      ...[1, 2, 3, 4, 5].map(() => device.next('feedback.submit', makeFeedback(march.id))),
    ]);
    await push(server, gestora, phone.clientId, [
      phone.next('event.save', event),
      phone.next('checklist.start', { runId: run, eventId: event.id, templateId: TEMPLATE.id, templateVersion: 1 }),
    ]);
  });
  afterAll(async () => server.close());

  it('starts from the tables whole', async () => {
    const report = await expectSameAsFresh();
    expect(report.total).toMatchObject({ people: 2, feedback: { count: 5 }, events: { planned: 1 }, checklists: { items: 2, resolved: 0 } });
  });

  it('follows a record added, corrected and removed', async () => {
    const lima = (r: Awaited<ReturnType<typeof expectSameAsFresh>>) => r.regions.find((region) => region.code === '1501')!.people;
    const before = await expectSameAsFresh();
    const third = makeRegistration(july.id, makePerson({ fullName: 'Ana Torres', documentType: 'dni', documentNumber: '42000006', entityName: 'Municipalidad de Miraflores', regionCode: '1501' }));
    await push(server, facilitador, device.clientId, [device.next('attendance.register', third)]);
    const added = await expectSameAsFresh();
    expect([added.total.people, lima(added)]).toEqual([before.total.people + 1, lima(before) + 1]);
    await push(server, facilitador, device.clientId, [device.next('attendance.update', { id: second.id, patch: { regionCode: '1501' } })]);
    expect(lima(await expectSameAsFresh())).toBe(lima(before) + 2);
    await push(server, facilitador, device.clientId, [device.next('attendance.remove', { id: first.id })]);
    expect((await expectSameAsFresh()).total.people).toBe(before.total.people);
  });

  it('follows a workshop moved to another year, an opinion, a checklist item ticked and an event archived', async () => {
    const before = await expectSameAsFresh();
    await push(server, facilitador, device.clientId, [device.next('workshop.save', { ...july, startsAt: '2025-07-06T14:00:00.000Z', endsAt: '2025-07-06T21:00:00.000Z' })]);
    expect((await expectSameAsFresh()).total.workshops).toBe(before.total.workshops - 1);
    await push(server, facilitador, device.clientId, [device.next('feedback.submit', makeFeedback(march.id))]);
    expect((await expectSameAsFresh()).total.feedback.count).toBe(before.total.feedback.count + 1);
    await push(server, gestora, phone.clientId, [phone.next('checklist.setItem', { runId: run, itemId: 'prueba.uno', patch: { done: true } })]);
    expect((await expectSameAsFresh()).total.checklists.resolved).toBe(before.total.checklists.resolved + 1);
    await push(server, gestora, phone.clientId, [phone.next('event.archive', { id: event.id })]);
    expect((await expectSameAsFresh()).total.events.planned).toBe(before.total.events.planned - 1);
  });
});
