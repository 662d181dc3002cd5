/**
 * The built server as a separate process, spoken to over HTTP as the devices do (gzip pushes):
 * a participant's phone with no account checks in and sends feedback with the workshop code,
 * the server restarts, the phone retries, and the coordinador reads exactly one of each.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { PushResponse, SessionResponse, WireMutation } from '../../src/shared/protocol';
import { SEED_WORKSHOPS } from '../../src/server/workshops/seed';
import { apiLogIn } from '../helpers/e2e-accounts';
import { startServer, type RunningServer } from '../helpers/e2e-server';
import { pullAll } from '../helpers/pull';
import { makeFeedback, makePerson, makeRegistration, makeWorkshopArgs } from '../server/workshops/workshop-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('RED workshops on the real server process', () => {
  let server: RunningServer;
  let coordinador: SessionResponse;

  async function pushGzip(clientId: string, mutations: WireMutation[], token?: string): Promise<Response> {
    return fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: gzipSync(JSON.stringify({ clientId, mutations })),
    });
  }

  beforeAll(async () => {
    server = await startServer();
    coordinador = await apiLogIn(server);
  });
  afterAll(async () => server?.stop());

  it('anyone reads the seeded programme, without an account (codes drawn at the first start, no owner)', async () => {
    const workshops = (await pullAll(server, undefined, 'catalogue')).changes.filter((c) => c.table === 'workshops');
    expect(workshops.map((c) => c.id)).toEqual(expect.arrayContaining(SEED_WORKSHOPS.map((w) => w.id)));
    for (const { row } of workshops) {
      expect((row as { code: string }).code).toMatch(/^[A-Z2-9]{6}$/);
      expect(row).not.toHaveProperty('ownerId');
    }
  });

  it('a phone with no account checks in and sends feedback; after a crash and a retry the server holds one of each', async () => {
    const now = Date.now();
    const open = makeWorkshopArgs(now - 60 * 60 * 1000, { title: 'Taller abierto ahora' });
    const closed = makeWorkshopArgs(now - 6 * DAY, { title: 'Taller de la semana pasada' });
    const office = uuidv7();
    const stamp = (clientId: string, i: number) => formatHlc({ wallMs: now + i, counter: 0, clientId });
    const setUp = await pushGzip(office, [
      { seq: 1, name: 'workshop.save', v: 1, args: open, hlc: stamp(office, 1) },
      { seq: 2, name: 'workshop.save', v: 1, args: closed, hlc: stamp(office, 2) },
    ], coordinador.accessToken);
    expect(await setUp.json()).toEqual({ lastSeq: 2, rejected: [] });

    const phone = uuidv7();
    const registration = makeRegistration(open.id, makePerson({ fullName: 'Yolanda Ccahuana Rojas' }), { workshopCode: open.code });
    const feedback = makeFeedback(open.id, { workshopCode: open.code, comment: 'Quiero más talleres así.' });
    const batch: WireMutation[] = [
      { seq: 1, name: 'attendance.register', v: 1, args: registration, hlc: stamp(phone, 1) },
      { seq: 2, name: 'feedback.submit', v: 1, args: feedback, hlc: stamp(phone, 2) },
      { seq: 3, name: 'feedback.submit', v: 1, args: makeFeedback(closed.id, { workshopCode: closed.code }), hlc: stamp(phone, 3) },
    ];
    const first = await pushGzip(phone, batch);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as PushResponse;
    expect(answer.lastSeq).toBe(3);
    expect(answer.rejected).toEqual([{ seq: 3, code: 'forbidden', message: expect.stringMatching(/^El taller ya cerró su registro: la ventana terminó el .+ \(hora de Lima\)\.$/) }]);

    await server.kill('SIGKILL');
    server = await server.restart();
    const retry = (await (await pushGzip(phone, batch)).json()) as PushResponse;
    expect(retry.lastSeq).toBe(3);

    coordinador = await apiLogIn(server);
    const { changes } = await pullAll(server, coordinador);
    const attendance = changes.filter((c) => c.table === 'attendance' && (c.row as { workshopId: string }).workshopId === open.id);
    expect(attendance.map((c) => c.row)).toEqual([expect.objectContaining({ id: registration.id, recordedBy: null, person: expect.objectContaining({ fullName: 'Yolanda Ccahuana Rojas' }) })]);
    // One opinion is held back (security report M1): the staff pull only the count.
    const waiting = changes.filter((c) => c.table === 'feedbackWaiting' && c.id === open.id);
    expect(waiting.map((c) => c.row)).toEqual([{ workshopId: open.id, waiting: 1 }]);
    expect(changes.some((c) => c.table === 'feedback' && (c.row as { workshopId: string }).workshopId === open.id)).toBe(false);
    // Four more (paper forms typed in by staff) make a group of five: released, still anonymous.
    const paper = await pushGzip(office, [3, 4, 5, 6].map((seq) => ({ seq, name: 'feedback.submit', v: 1, args: makeFeedback(open.id), hlc: stamp(office, seq) })), coordinador.accessToken);
    expect(await paper.json()).toEqual({ lastSeq: 6, rejected: [] });
    const released = (await pullAll(server, coordinador)).changes.filter((c) => c.table === 'feedback' && (c.row as { workshopId: string }).workshopId === open.id);
    expect(released).toHaveLength(5);
    const theirs = released.find((c) => (c.row as { comment?: string }).comment === 'Quiero más talleres así.')!;
    expect(Object.keys(theirs.row as object).sort()).toEqual(['comment', 'id', 'ratings', 'recommend', 'topics', 'workshopId']);
    expect(theirs.id).not.toBe(feedback.id);
    expect(changes.some((c) => c.table === 'feedback' && (c.row as { workshopId: string }).workshopId === closed.id)).toBe(false);
  });

  it('a push with no account and no workshop code is 401 as a whole', async () => {
    const phone = uuidv7();
    const res = await pushGzip(phone, [{ seq: 1, name: 'feedback.submit', v: 1, args: makeFeedback(uuidv7()), hlc: formatHlc({ wallMs: Date.now(), counter: 0, clientId: phone }) }]);
    expect(res.status).toBe(401);
  });
});
