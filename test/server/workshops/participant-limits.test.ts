/**
 * The participants' door holds (security report H4, M7, L1): capacity bounds self check-ins
 * and anonymous opinions, a push without a session carries a handful of mutations, the limit
 * counts mutations, a push with no known code stores nothing, and what the door leaves behind
 * is pruned once the window closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFeedbackFull, describeParticipantBatchTooLarge, describeWorkshopFull, REFUSALS } from '../../../src/shared/errors';
import type { PushResponse, SessionResponse } from '../../../src/shared/protocol';
import type { AttendanceRow } from '../../../src/shared/schemas/attendance';
import type { WorkshopSaveArgs } from '../../../src/shared/schemas/workshop';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push, pushAnonymously } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs, randomCode } from './workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('the participants’ door holds on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;
  let owner: SessionResponse;
  const staffDevice = createDeviceQueue();

  async function createWorkshop(overrides: Partial<WorkshopSaveArgs> = {}): Promise<WorkshopSaveArgs> {
    const workshop = makeWorkshopArgs(clock.now(), overrides);
    await push(server, owner, staffDevice.clientId, [staffDevice.next('workshop.save', workshop)]);
    return workshop;
  }

  async function countRows(table: 'participant_clients' | 'sync_rejections', clientId?: string): Promise<number> {
    let query = server.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (clientId) query = query.where('client_id', '=', clientId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async function readLiveAttendance(workshopId: string): Promise<AttendanceRow[]> {
    const { changes } = await pullAll(server, owner);
    return changes.filter((c) => c.table === 'attendance' && !c.deleted).map((c) => c.row as AttendanceRow).filter((r) => r.workshopId === workshopId);
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
  });
  afterAll(async () => server.close());

  it('self check-ins stop at the capacity with a Spanish reason; the same person again and the facilitador still get in', async () => {
    const workshop = await createWorkshop({ capacity: 3 });
    const checkIn = (fullName: string, address: string) => {
      const phone = createDeviceQueue();
      const registration = makeRegistration(workshop.id, makePerson({ fullName }), { workshopCode: workshop.code });
      return pushAnonymously(server, phone.clientId, [phone.next('attendance.register', registration)], address);
    };
    for (const [i, name] of ['Ana Ccori', 'Luis Mamani', 'Rosa Quispe'].entries()) {
      expect((await checkIn(name, `10.1.0.${i}`)).json<PushResponse>().rejected).toEqual([]);
    }
    const fourth = await checkIn('Pedro Apaza', '10.1.0.9');
    expect(fourth.json<PushResponse>()).toEqual({ lastSeq: 1, rejected: [{ seq: 1, code: 'forbidden', message: describeWorkshopFull(3) }] });
    expect(describeWorkshopFull(3)).toBe('El taller ya está completo: alcanzó su capacidad de 3 personas. Pida al facilitador o a la facilitadora que registre su asistencia.');
    // A person already present checking in again from another phone records presence, not a new person.
    expect((await checkIn('Ana Ccori', '10.1.0.10')).json<PushResponse>().rejected).toEqual([]);
    // Staff may register past the capacity: people at the door, paper lists.
    const typed = await push(server, owner, staffDevice.clientId, [
      staffDevice.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: 'Pedro Apaza' }))),
    ]);
    expect(typed.rejected).toEqual([]);
    expect((await readLiveAttendance(workshop.id)).map((r) => r.person.fullName).sort()).toEqual(['Ana Ccori', 'Luis Mamani', 'Pedro Apaza', 'Rosa Quispe']);
  });

  it('copies of people already present stop at twice the capacity, so no flood of merges grows a workshop', async () => {
    const workshop = await createWorkshop({ capacity: 2 });
    const outcomes: PushResponse[] = [];
    for (let i = 0; i < 6; i += 1) {
      const phone = createDeviceQueue();
      const registration = makeRegistration(workshop.id, makePerson({ fullName: 'Ana Ccori' }), { workshopCode: workshop.code });
      outcomes.push((await pushAnonymously(server, phone.clientId, [phone.next('attendance.register', registration)], `10.2.0.${i}`)).json<PushResponse>());
    }
    expect(outcomes.map((o) => o.rejected.length)).toEqual([0, 0, 0, 0, 1, 1]);
    const rows = await server.store.db.selectFrom('attendance').select('id').where('workshop_id', '=', workshop.id).execute();
    expect(rows).toHaveLength(4);
  });

  it('anonymous opinions stop at one per place; the facilitador may type paper ones past it', async () => {
    const workshop = await createWorkshop({ capacity: 2 });
    const answers: PushResponse[] = [];
    for (let i = 0; i < 3; i += 1) {
      const phone = createDeviceQueue();
      answers.push((await pushAnonymously(server, phone.clientId, [phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))], `10.3.0.${i}`)).json<PushResponse>());
    }
    expect(answers.map((a) => a.rejected)).toEqual([[], [], [{ seq: 1, code: 'forbidden', message: describeFeedbackFull(2) }]]);
    const typed = await push(server, owner, staffDevice.clientId, [staffDevice.next('feedback.submit', makeFeedback(workshop.id))]);
    expect(typed.rejected).toEqual([]);
    // Three opinions: fewer than a group of five, so all still held back (security report M1).
    const stored = await server.store.db.selectFrom('feedback_held').select('id').where('workshop_id', '=', workshop.id).execute();
    expect(stored).toHaveLength(3);
  });

  it('a push without a session carries at most 5 mutations: 6 is a 413 in Spanish and stores nothing', async () => {
    const workshop = await createWorkshop({ capacity: 100 });
    const phone = createDeviceQueue();
    const six = Array.from({ length: 6 }, () => phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code })));
    const res = await pushAnonymously(server, phone.clientId, six, '10.4.0.1');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'payload_too_large', message: describeParticipantBatchTooLarge(5) });
    expect(await countRows('participant_clients', phone.clientId)).toBe(0);
    const five = await pushAnonymously(server, phone.clientId, six.slice(0, 5), '10.4.0.1');
    expect(five.json<PushResponse>()).toEqual({ lastSeq: 5, rejected: [] });
  });

  it('the limit counts mutations, not pushes: 120 a minute per address, then 429 with Retry-After; other addresses go on', async () => {
    const workshop = await createWorkshop({ capacity: 10_000 });
    const phone = createDeviceQueue();
    const send = (address: string, count: number) =>
      pushAnonymously(server, phone.clientId, Array.from({ length: count }, () => phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))), address);
    // Start at a window's edge so the whole burst falls in one window.
    clock.advance(60_000 - (clock.now() % 60_000));
    for (let i = 0; i < 24; i += 1) expect((await send('10.5.0.1', 5)).statusCode).toBe(200);
    const limited = await send('10.5.0.1', 1);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Demasiados envíos desde esta conexión/) });
    expect((await send('10.5.0.2', 5)).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await send('10.5.0.1', 5)).statusCode).toBe(200);
  });

  it('a push whose codes match no workshop is refused with the reason and stores nothing: no refusal rows, no device rows', async () => {
    const workshop = await createWorkshop({ capacity: 10 });
    let junkCode = randomCode();
    while (junkCode === workshop.code) junkCode = randomCode();
    const before = { clients: await countRows('participant_clients'), refusals: await countRows('sync_rejections') };
    const phone = createDeviceQueue();
    const res = await pushAnonymously(server, phone.clientId, [
      phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: junkCode })),
      phone.next('attendance.register', makeRegistration(workshop.id, makePerson(), { workshopCode: 'x' })),
    ], '10.6.0.1');
    const reason = { code: 'forbidden', message: REFUSALS.codeMatchesNoWorkshop };
    expect(res.json<PushResponse>()).toEqual({ lastSeq: 2, rejected: [{ seq: 1, ...reason }, { seq: 2, ...reason }] });
    expect({ clients: await countRows('participant_clients'), refusals: await countRows('sync_rejections') }).toEqual(before);
  });

  it('a code or workshop id with a NUL in it matches nothing, and the answer is the same on both engines (seed 1378063964 of the parity fuzz)', async () => {
    const workshop = await createWorkshop({ capacity: 10 });
    const phone = createDeviceQueue();
    const res = await pushAnonymously(server, phone.clientId, [
      phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: '\u0000' })),
      phone.next('feedback.submit', makeFeedback(`${workshop.id}\u0000`, { workshopCode: workshop.code })),
    ], '10.6.0.2');
    expect(res.statusCode).toBe(200);
    const answer = res.json<PushResponse>();
    // The second code is right, so the batch reaches the schemas, which refuse each bad value by itself.
    expect(answer.rejected.map((r) => [r.seq, r.code])).toEqual([[1, 'validation_failed'], [2, 'validation_failed']]);
    const alone = createDeviceQueue();
    const res2 = await pushAnonymously(server, alone.clientId, [alone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: '\u0000' }))], '10.6.0.3');
    expect(res2.json<PushResponse>()).toEqual({ lastSeq: 1, rejected: [{ seq: 1, code: 'forbidden', message: REFUSALS.codeMatchesNoWorkshop }] });
  });

  // Last: it moves the clock days on.
  it('a participant device’s bookkeeping and refusals are pruned once its windows have closed, not before', async () => {
    const soon = await createWorkshop({ capacity: 50 });
    const later = await createWorkshop({ capacity: 50, startsAt: new Date(clock.now() + 3 * DAY).toISOString(), endsAt: new Date(clock.now() + 3 * DAY + 3_600_000).toISOString() });
    const early = createDeviceQueue();
    // One mutation applies, one is refused (a code of another workshop): both tables get a row.
    const first = await pushAnonymously(server, early.clientId, [
      early.next('feedback.submit', makeFeedback(soon.id, { workshopCode: soon.code })),
      early.next('feedback.submit', makeFeedback(soon.id, { workshopCode: later.code })),
    ], '10.7.0.1');
    expect(first.json<PushResponse>().rejected).toHaveLength(1);
    expect([await countRows('participant_clients', early.clientId), await countRows('sync_rejections', early.clientId)]).toEqual([1, 1]);
    const closesAt = Date.parse(soon.endsAt) + 2 * DAY;

    // Still inside the window: a push (which runs the pruning) keeps them.
    clock.advance(closesAt - clock.now() - 60_000);
    const other = createDeviceQueue();
    await pushAnonymously(server, other.clientId, [other.next('feedback.submit', makeFeedback(soon.id, { workshopCode: soon.code }))], '10.7.0.2');
    expect(await countRows('participant_clients', early.clientId)).toBe(1);

    // The window has closed: the next push prunes them; a device of a workshop still open stays.
    clock.advance(2 * 60_000);
    const laterPhone = createDeviceQueue();
    await pushAnonymously(server, laterPhone.clientId, [laterPhone.next('feedback.submit', makeFeedback(later.id, { workshopCode: later.code }))], '10.7.0.3');
    expect([await countRows('participant_clients', early.clientId), await countRows('sync_rejections', early.clientId)]).toEqual([0, 0]);
    expect(await countRows('participant_clients', other.clientId)).toBe(0);
    expect(await countRows('participant_clients', laterPhone.clientId)).toBe(1);
    const counters = await server.store.db.selectFrom('request_counters').select('window_start').execute();
    expect(counters.every((c) => Number(c.window_start) >= clock.now() - 120_000)).toBe(true);
  });
});
