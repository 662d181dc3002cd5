import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoredFeedbackId } from '../../../src/server/workshops/feedback-handler';
import { uuidv7 } from '../../../src/shared/ids';
import type { PushResponse, SessionResponse } from '../../../src/shared/protocol';
import type { AttendanceRow } from '../../../src/shared/schemas/attendance';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push, pushAnonymously, pushRaw } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs } from './workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('participants without an account on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;
  let owner: SessionResponse;
  const workshop = makeWorkshopArgs(clock.now());

  async function readOwnersRows(table: 'attendance' | 'feedback' | 'feedbackWaiting') {
    const { changes } = await pullAll(server, owner);
    return changes.filter((c) => c.table === table && !c.deleted && (c.row as { workshopId: string }).workshopId === workshop.id);
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
    const device = createDeviceQueue();
    await push(server, owner, device.clientId, [device.next('workshop.save', workshop)]);
  });
  afterAll(async () => server.close());

  it('a check-in and a feedback with the code, while the window is open, apply without an account; a retry applies once', async () => {
    const phone = createDeviceQueue();
    const batch = [
      phone.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Carmen Tito Ccora' }), { workshopCode: workshop.code.toLowerCase() })),
      phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code })),
    ];
    const first = await pushAnonymously(server, phone.clientId, batch);
    expect(first.statusCode).toBe(200);
    expect(first.json<PushResponse>()).toEqual({ lastSeq: 2, rejected: [] });
    const retry = await pushAnonymously(server, phone.clientId, batch);
    expect(retry.json<PushResponse>()).toEqual({ lastSeq: 2, rejected: [] });
    const attendance = (await readOwnersRows('attendance')).map((c) => c.row as AttendanceRow).filter((r) => r.person.fullName === 'Carmen Tito Ccora');
    expect(attendance).toHaveLength(1);
    expect(attendance[0]!.recordedBy).toBeNull();
    // The opinion is held back until four more join it (security report M1): staff see only the count.
    expect(await readOwnersRows('feedback')).toHaveLength(0);
    expect((await readOwnersRows('feedbackWaiting')).at(-1)?.row).toEqual({ workshopId: workshop.id, waiting: 1 });
    const bookkeeping = await server.store.db.selectFrom('participant_clients').selectAll().where('client_id', '=', phone.clientId).executeTakeFirstOrThrow();
    expect(Number(bookkeeping.last_seq)).toBe(2);
  });

  it('a batch where any mutation lacks a code, or is not a participant’s, is a 401 as a whole and applies nothing', async () => {
    const phone = createDeviceQueue();
    const withCode = phone.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'No debe quedar' }), { workshopCode: workshop.code }));
    const cases = [
      [withCode, phone.next('feedback.submit', makeFeedback(workshop.id))],
      [withCode, phone.next('event.save', makeEventArgs())],
      [],
    ];
    for (const mutations of cases) {
      const res = await pushAnonymously(server, phone.clientId, mutations);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
    expect((await readOwnersRows('attendance')).some((c) => (c.row as AttendanceRow).person.fullName === 'No debe quedar')).toBe(false);
  });

  it('a wrong code is refused with its reason, and the queue moves on', async () => {
    const phone = createDeviceQueue();
    const res = await pushAnonymously(server, phone.clientId, [
      phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' })),
      phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code })),
    ]);
    expect(res.json<PushResponse>()).toEqual({
      lastSeq: 2,
      rejected: [{ seq: 1, code: 'forbidden', message: 'El código no corresponde a este taller. Revise el código que le dio el facilitador o la facilitadora.' }],
    });
  });

  it('a device id that belongs to an account cannot be used without its token', async () => {
    const device = createDeviceQueue();
    await push(server, owner, device.clientId, [device.next('event.save', makeEventArgs())]);
    const res = await pushAnonymously(server, device.clientId, [device.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))]);
    expect(res.statusCode).toBe(401);
  });

  it('the stored feedback holds no user, device, attendance or time: only the workshop, its owner and the answers', async () => {
    const phone = createDeviceQueue();
    const feedback = makeFeedback(workshop.id, { workshopCode: workshop.code, comment: 'Faltó tiempo para preguntas.' });
    const registration = makeRegistration(workshop.id, makePerson({ fullName: 'Anónima de verdad' }), { workshopCode: workshop.code });
    await pushAnonymously(server, phone.clientId, [phone.next('attendance.register', registration), phone.next('feedback.submit', feedback)]);
    // Held back until its group is released (no version yet, hence no order of arrival either).
    const stored = await server.store.db.selectFrom('feedback_held').selectAll().where('id', '=', toStoredFeedbackId(feedback.id)).executeTakeFirstOrThrow();
    expect(Object.keys(stored).sort()).toEqual(['answers', 'id', 'owner_id', 'workshop_id']);
    expect(stored.owner_id).toBe(owner.user.id);
    expect(JSON.parse(stored.answers)).toEqual({ ratings: feedback.ratings, recommend: 9, comment: 'Faltó tiempo para preguntas.', topics: ['Derechos de autor'] });
    const text = JSON.stringify(stored);
    for (const identifying of [feedback.id, phone.clientId, registration.id, 'Anónima de verdad', 'participante']) expect(text).not.toContain(identifying);
    // The participant's device is known only by its lastSeq; it is bound to no account.
    expect(await server.store.db.selectFrom('sync_clients').select('client_id').where('client_id', '=', phone.clientId).executeTakeFirst()).toBeUndefined();
  });

  it('the same feedback sent twice — as a retry or from a restored outbox on another device — is one row', async () => {
    const feedback = makeFeedback(workshop.id, { workshopCode: workshop.code, comment: 'Una sola vez' });
    const phone = createDeviceQueue();
    const other = createDeviceQueue();
    await pushAnonymously(server, phone.clientId, [phone.next('feedback.submit', feedback)]);
    await pushAnonymously(server, phone.clientId, [{ ...phone.next('feedback.submit', feedback), seq: 1 }]);
    await pushAnonymously(server, other.clientId, [other.next('feedback.submit', feedback)]);
    const id = toStoredFeedbackId(feedback.id);
    const held = await server.store.db.selectFrom('feedback_held').select('id').where('id', '=', id).execute();
    const released = await server.store.db.selectFrom('feedback').select('id').where('id', '=', id).execute();
    expect(held.length + released.length).toBe(1);
  });

  it('a facilitador’s own push is never counted against the participants’ limit', async () => {
    const device = createDeviceQueue(uuidv7());
    for (let i = 0; i < 65; i += 1) {
      const res = await pushRaw(server, owner, device.clientId, [device.next('feedback.submit', makeFeedback(workshop.id))]);
      expect(res.statusCode).toBe(200);
    }
  });
  // Last: it moves the clock three days on.
  it('before the window opens, and after it closes, a participant is refused with the date in Lima time', async () => {
    const future = makeWorkshopArgs(clock.now(), { startsAt: '2026-12-09T17:00:00.000Z', endsAt: '2026-12-09T22:00:00.000Z' });
    const device = createDeviceQueue();
    await push(server, owner, device.clientId, [device.next('workshop.save', future)]);
    const early = createDeviceQueue();
    const tooEarly = await pushAnonymously(server, early.clientId, [early.next('feedback.submit', makeFeedback(future.id, { workshopCode: future.code }))]);
    expect(tooEarly.json<PushResponse>().rejected[0]?.message).toMatch(/^El registro del taller aún no abre: abre el martes 8 de diciembre de 2026, 12:00\u00a0p\.\u00a0m\. \(hora de Lima\)\.$/);

    clock.advance(3 * DAY);
    const late = createDeviceQueue();
    const res = await pushAnonymously(server, late.clientId, [
      late.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Llegó tarde' }), { workshopCode: workshop.code })),
      late.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code })),
    ]);
    const reason = 'El taller ya cerró su registro: la ventana terminó el martes 1 de diciembre de 2026, 4:00\u00a0p.\u00a0m. (hora de Lima).';
    expect(res.json<PushResponse>()).toEqual({ lastSeq: 2, rejected: [{ seq: 1, code: 'forbidden', message: reason }, { seq: 2, code: 'forbidden', message: reason }] });
    // The facilitador may still type in a paper list after the window.
    const coordinadora = await createLoggedInUser(server, ['coordinador']);
    const laptop = createDeviceQueue();
    const typedLater = await push(server, coordinadora, laptop.clientId, [laptop.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Lista en papel' })))]);
    expect(typedLater.rejected).toEqual([]);
  });
});
