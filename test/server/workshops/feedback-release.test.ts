/**
 * Security report M1: anonymous opinions reach staff only in shuffled groups of at least five,
 * on versions that say nothing about arrival, or all that remain once the window closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PushResponse, SessionResponse, WireMutation } from '../../../src/shared/protocol';
import type { FeedbackWaitingRow } from '../../../src/shared/schemas/feedback';
import type { WorkshopSaveArgs } from '../../../src/shared/schemas/workshop';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer } from '../../helpers/server-app';
import { createDeviceQueue, pullAll, push } from '../../helpers/server-sync';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs } from './workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('anonymous feedback released in groups on %s', (engine) => {
  const clock = createTestClock();
  let server: TestServer;
  let owner: SessionResponse;
  const staffDevice = createDeviceQueue();

  async function pushAnonymously(clientId: string, mutations: WireMutation[], address: string): Promise<PushResponse> {
    const res = await server.app.inject({
      method: 'POST', url: '/api/sync/push', remoteAddress: address,
      headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ clientId, mutations }),
    });
    expect(res.statusCode).toBe(200);
    return res.json<PushResponse>();
  }

  async function openWorkshop(overrides: Partial<WorkshopSaveArgs> = {}): Promise<WorkshopSaveArgs> {
    const workshop = makeWorkshopArgs(clock.now(), overrides);
    await push(server, owner, staffDevice.clientId, [staffDevice.next('workshop.save', workshop)]);
    return workshop;
  }

  /** What the owner's device pulls for a workshop, by table. */
  async function readOwnersView(workshopId: string) {
    const { changes } = await pullAll(server, owner);
    const of = (table: string) => changes.filter((c) => c.table === table && (c.row as { workshopId?: string } | undefined)?.workshopId === workshopId);
    const waiting = of('feedbackWaiting').at(-1)?.row as FeedbackWaitingRow | undefined;
    return { attendance: of('attendance'), feedback: of('feedback'), waiting: waiting?.waiting };
  }

  /** `count` participants, each on their own phone and address, sending a check-in and an opinion together. */
  async function sendParticipants(workshop: WorkshopSaveArgs, count: number, tag: string): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const phone = createDeviceQueue();
      const answer = await pushAnonymously(phone.clientId, [
        phone.next('attendance.register', makeRegistration(workshop.id, makePerson({ fullName: `${tag} Persona ${i}`, documentNumber: `7${tag.length}${String(i).padStart(6, '0')}` }), { workshopCode: workshop.code })),
        phone.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code, comment: `${tag} opinión ${i}` })),
      ], `10.9.${tag.length}.${i}`);
      expect(answer.rejected).toEqual([]);
    }
  }

  /** After the clock jumps past the access token's life: a new one, as the device would get. */
  async function refreshOwnerSession(): Promise<void> {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: owner.refreshToken } });
    expect(res.statusCode).toBe(200);
    owner = res.json<SessionResponse>();
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { now: clock.now });
    owner = await createLoggedInUser(server, ['facilitador'], 'Rosa Huamán');
  });
  afterAll(async () => server.close());

  it('four opinions stay held: the owner pulls no answers, only «4 en espera»; the fifth releases all five', async () => {
    const workshop = await openWorkshop();
    await sendParticipants(workshop, 4, 'held');
    const before = await readOwnersView(workshop.id);
    expect(before.attendance).toHaveLength(4);
    expect(before.feedback).toHaveLength(0);
    expect(before.waiting).toBe(4);

    await sendParticipants(workshop, 1, 'fifth');
    const after = await readOwnersView(workshop.id);
    expect(after.feedback).toHaveLength(5);
    expect(after.waiting).toBe(0);
    const held = await server.store.db.selectFrom('feedback_held').select('id').where('workshop_id', '=', workshop.id).execute();
    expect(held).toHaveLength(0);
  });

  it('released opinions sit on one block of consecutive versions, apart from every check-in: no opinion beside its person', async () => {
    const workshop = await openWorkshop();
    await sendParticipants(workshop, 5, 'block');
    const { attendance, feedback } = await readOwnersView(workshop.id);
    const feedbackVersions = feedback.map((c) => c.version).sort((a, b) => a - b);
    const first = feedbackVersions[0]!;
    expect(feedbackVersions).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
    // Every check-in, the fifth person's included, came before the whole block.
    for (const checkIn of attendance) expect(checkIn.version).toBeLessThan(first);
  });

  it('the order of a released group is shuffled: arrival order does not survive four groups', async () => {
    const workshop = await openWorkshop();
    const arrivals = Array.from({ length: 20 }, (_, i) => i);
    await push(server, owner, staffDevice.clientId, arrivals.map((i) => staffDevice.next('feedback.submit', makeFeedback(workshop.id, { comment: `papel ${i}` }))));
    const { feedback, waiting } = await readOwnersView(workshop.id);
    expect(feedback).toHaveLength(20);
    expect(waiting).toBe(0);
    const byVersion = [...feedback].sort((a, b) => a.version - b.version).map((c: Change) => Number((c.row as { comment: string }).comment.split(' ')[1]));
    // Each group of five holds exactly the five that arrived together…
    for (let g = 0; g < 4; g += 1) expect([...byVersion.slice(g * 5, g * 5 + 5)].sort((a, b) => a - b)).toEqual(arrivals.slice(g * 5, g * 5 + 5));
    // …but not in the order they arrived (all four in order by chance: 1 in 120⁴).
    expect(byVersion).not.toEqual(arrivals);
  });

  it('what remains held is released when the window closes, at the next staff pull', async () => {
    const workshop = await openWorkshop({ endsAt: new Date(clock.now() + 3 * 60 * 60 * 1000).toISOString() });
    await sendParticipants(workshop, 3, 'close');
    expect((await readOwnersView(workshop.id)).feedback).toHaveLength(0);
    clock.advance(3 * DAY);
    await refreshOwnerSession();
    const closed = await readOwnersView(workshop.id);
    expect(closed.feedback).toHaveLength(3);
    expect(closed.waiting).toBe(0);
  });

  it('held opinions count against the capacity, and a replay of a held one is still one opinion', async () => {
    const workshop = await openWorkshop({ capacity: 2 });
    const phone = createDeviceQueue();
    const opinion = makeFeedback(workshop.id, { workshopCode: workshop.code });
    const first = phone.next('feedback.submit', opinion);
    await pushAnonymously(phone.clientId, [first], '10.8.0.1');
    await pushAnonymously(createDeviceQueue().clientId, [createDeviceQueue().next('feedback.submit', opinion)], '10.8.0.2');
    expect((await readOwnersView(workshop.id)).waiting).toBe(1);
    const other = createDeviceQueue();
    await pushAnonymously(other.clientId, [other.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))], '10.8.0.3');
    const third = createDeviceQueue();
    const refused = await pushAnonymously(third.clientId, [third.next('feedback.submit', makeFeedback(workshop.id, { workshopCode: workshop.code }))], '10.8.0.4');
    expect(refused.rejected).toHaveLength(1);
    expect((await readOwnersView(workshop.id)).waiting).toBe(2);
  });
});
