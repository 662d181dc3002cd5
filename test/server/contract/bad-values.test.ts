/**
 * A value one engine stores and the other refuses (NUL in text, an int4 overflow, an impossible
 * date) is ONE refused mutation on both engines, with a Spanish reason, and the rest of the batch
 * is kept; an error the database raises while applying one mutation is that mutation's refusal.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse, WireMutation } from '../../../src/shared/protocol';
import type { EventRow } from '../../../src/shared/schemas/event';
import { createLoggedInUser, createTestClock, ENGINES, startTestServer, type TestServer, useServerWithUser } from '../../helpers/server-app';
import { createDeviceQueue, makeEventArgs, pullAll, push, pushRaw } from '../../helpers/server-sync';
import { toStoredMessage } from '../../../src/server/sync/rejections';

const NUL = '\u0000';

describe.each(ENGINES)('bad values on %s', (engine) => {
  const env = useServerWithUser(engine, ['gestor'], 'Gestora de Puno');

  async function readEvents(): Promise<Map<string, EventRow>> {
    const { changes } = await pullAll(env.server, env.user);
    return new Map(changes.filter((c) => c.table === 'events').map((c) => [c.id, c.row as EventRow]));
  }

  /** Pushes `bad` between two good events; expects 200, one refusal, and both good events stored. */
  async function expectOneRefusal(bad: (device: ReturnType<typeof createDeviceQueue>) => WireMutation, reason: RegExp) {
    const device = createDeviceQueue();
    const before = makeEventArgs({ title: 'Antes' });
    const after = makeEventArgs({ title: 'Después' });
    const batch = [device.next('event.save', before), bad(device), device.next('event.save', after)];
    const res = await pushRaw(env.server, env.user, device.clientId, batch);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<{ lastSeq: number; rejected: { seq: number; code: string; message: string }[] }>();
    expect(answer.lastSeq).toBe(3);
    expect(answer.rejected).toHaveLength(1);
    expect(answer.rejected[0]).toMatchObject({ seq: 2, message: expect.stringMatching(reason) });
    expect(answer.rejected[0]!.message).not.toContain(NUL);
    const events = await readEvents();
    expect(events.get(before.id)?.title).toBe('Antes');
    expect(events.get(after.id)?.title).toBe('Después');
    // The refusal was stored (PostgreSQL refuses NUL in text): a replay answers it again.
    expect((await pushRaw(env.server, env.user, device.clientId, batch)).json()).toEqual(answer);
    return answer.rejected[0]!;
  }

  const nulReason = /carácter no permitido \(carácter nulo\)/;

  it.each([
    ['an event title', () => ({ title: `Feria${NUL}` })],
    ['an event venue', () => ({ venue: `Plaza${NUL}de Armas` })],
    ['the funding source', () => ({ fundingSource: NUL })],
  ])('NUL in %s is one refused mutation', async (_what, patch) => {
    await expectOneRefusal((d) => d.next('event.save', { ...makeEventArgs(), ...patch() }), nulReason);
  });

  it('NUL in a checklist templateId (a raw text column) is one refused mutation', async () => {
    const refusal = await expectOneRefusal(
      (d) => d.next('checklist.start', { runId: uuidv7(), eventId: uuidv7(), templateId: `general${NUL}`, templateVersion: 1 }),
      nulReason,
    );
    expect(refusal.code).toBe('validation_failed');
  });

  it('NUL in a checklist note is one refused mutation', async () => {
    await expectOneRefusal((d) => d.next('checklist.setItem', { runId: uuidv7(), itemId: 'agua', patch: { note: `ok${NUL}` } }), nulReason);
  });

  // Half of a character (a lone UTF-16 surrogate): PostgreSQL's driver stores one «�» where
  // SQLite stores three, so the engines would keep different text (seen by the parity fuzz).
  const brokenReason = /carácter dañado/;

  it.each([
    ['an event title (a lone high surrogate)', () => ({ title: 'Feria \ud83d' })],
    ['an event venue (a lone low surrogate)', () => ({ venue: 'x\udfffy' })],
  ])('half a character in %s is one refused mutation', async (_what, patch) => {
    await expectOneRefusal((d) => d.next('event.save', { ...makeEventArgs(), ...patch() }), brokenReason);
  });

  it('half a character in a checklist templateId (a raw text column) is one refused mutation', async () => {
    const refusal = await expectOneRefusal(
      (d) => d.next('checklist.start', { runId: uuidv7(), eventId: uuidv7(), templateId: 'x\udfffy', templateVersion: 1 }),
      brokenReason,
    );
    expect(refusal.code).toBe('validation_failed');
  });

  it('a whole emoji (a surrogate pair) is kept as it came', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs({ title: 'Feria 👩🏽‍🌾 Qhapaq Ñan' });
    expect(await push(env.server, env.user, device.clientId, [device.next('event.save', event)])).toEqual({ lastSeq: 1, rejected: [] });
    expect((await readEvents()).get(event.id)?.title).toBe('Feria 👩🏽‍🌾 Qhapaq Ñan');
  });

  it('a templateVersion past the int4 column is one refused mutation', async () => {
    await expectOneRefusal(
      (d) => d.next('checklist.start', { runId: uuidv7(), eventId: uuidv7(), templateId: 'general', templateVersion: 2 ** 31 }),
      /Versión de plantilla fuera de rango/,
    );
  });

  it('an unknown mutation name with NUL is refused without echoing the NUL', async () => {
    const refusal = await expectOneRefusal((d) => d.next(`event.x${NUL}y`, {}), /Este tipo de cambio no existe en el servidor/);
    expect(refusal.code).toBe('unknown_mutation');
  });

  it('an unknown args key with NUL is refused without echoing the NUL', async () => {
    const refusal = await expectOneRefusal((d) => d.next('event.save', { ...makeEventArgs(), [`x${NUL}y`]: 1 }), /campo no permitido/);
    expect(refusal.message).toContain('x�y');
  });

  it.each([
    ['30 February', { startsAt: '2026-02-30T15:00:00.000Z', endsAt: '2026-03-02T15:00:00.000Z' }],
    ['31 April', { startsAt: '2026-04-31T15:00:00Z', endsAt: '2026-05-02T15:00:00Z' }],
    ['year 0000', { startsAt: '0000-01-01T00:00:00.000Z', endsAt: '2026-12-05T15:00:00.000Z' }],
    ['year 9999', { startsAt: '2026-12-05T15:00:00.000Z', endsAt: '9999-12-31T00:00:00.000Z' }],
    ['an offset Date cannot read', { startsAt: '2026-12-05T15:00:00+05', endsAt: '2026-12-05T16:00:00Z' }],
  ])('an impossible date (%s) is one refused mutation', async (_what, times) => {
    await expectOneRefusal((d) => d.next('event.save', { ...makeEventArgs(), ...times }), /Fecha y hora no válidas/);
  });

  it('a due date of 30 February is one refused mutation', async () => {
    await expectOneRefusal((d) => d.next('checklist.setItem', { runId: uuidv7(), itemId: 'agua', patch: { dueDate: '2026-02-30' } }), /Fecha no válida/);
  });

  it('times with offsets compare as instants: an end earlier in time is refused even when its text sorts later', async () => {
    // 10:00 in Lima (-05:00) is 15:00 UTC; 14:00 UTC is an hour earlier, though "T14" > "T10".
    await expectOneRefusal(
      (d) => d.next('event.save', { ...makeEventArgs(), startsAt: '2026-12-05T10:00:00-05:00', endsAt: '2026-12-05T14:00:00Z' }),
      /no puede terminar antes de empezar/,
    );
  });

  it('times with offsets compare as instants: an end later in time is accepted even when its text sorts earlier', async () => {
    const device = createDeviceQueue();
    const event = makeEventArgs({ startsAt: '2026-12-05T15:00:00Z', endsAt: '2026-12-05T11:00:00-05:00' });
    expect(await push(env.server, env.user, device.clientId, [device.next('event.save', event)])).toEqual({ lastSeq: 1, rejected: [] });
  });

  it('a seq beyond Number.MAX_SAFE_INTEGER is a Spanish 400 for the envelope, never a 500', async () => {
    const device = createDeviceQueue();
    const res = await pushRaw(env.server, env.user, device.clientId, [{ ...device.next('event.save', makeEventArgs()), seq: 1e20 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.stringMatching(/Número de secuencia fuera de rango/)]);
  });

  it('NUL in the login device name is a Spanish 400, never a 500', async () => {
    const res = await env.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nadie@muni.gob.pe', password: 'clave', deviceName: `Moto${NUL}G` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.stringMatching(nulReason)]);
  });
});

describe('a refusal message as stored', () => {
  it('keeps no half character where the 2,000-character cut falls inside an emoji', () => {
    const message = `${'a'.repeat(1999)}👩🏽‍🌾`; // the cut keeps the emoji's high surrogate only
    const stored = toStoredMessage(message);
    expect(stored).toBe(`${'a'.repeat(1999)}�…`);
    expect(stored).not.toMatch(/\p{Cs}/u);
  });
});

describe.each(ENGINES)('an error while applying one mutation on %s', (engine) => {
  let server: TestServer;
  let gestora: SessionResponse;

  beforeAll(async () => {
    server = await startTestServer(engine, { now: createTestClock().now });
    gestora = await createLoggedInUser(server, ['gestor'], 'Gestora de Tacna');
    // A real fault in the real database: a trigger that refuses one title, as a broken invariant would.
    if (engine === 'sqlite') {
      await sql`create trigger refuse_title before insert on events when new.data like '%Título maldito%'
        begin select raise(abort, 'título maldito'); end`.execute(server.store.db);
    } else {
      await sql`create function refuse_title() returns trigger language plpgsql as $$
        begin if new.data like '%Título maldito%' then raise exception 'título maldito' using errcode = '22023'; end if; return new; end $$`.execute(server.store.db);
      await sql`create trigger refuse_title before insert on events for each row execute function refuse_title()`.execute(server.store.db);
    }
  });
  afterAll(async () => server.close());

  it('becomes that mutation’s refusal (not_storable, in Spanish); its writes are undone and the rest of the batch is kept', async () => {
    const device = createDeviceQueue();
    const good = [makeEventArgs({ title: 'Uno' }), makeEventArgs({ title: 'Tres' })];
    const cursed = makeEventArgs({ title: 'Título maldito' });
    const batch = [device.next('event.save', good[0]), device.next('event.save', cursed), device.next('event.save', good[1])];
    const answer = await push(server, gestora, device.clientId, batch);
    expect(answer).toEqual({
      lastSeq: 3,
      rejected: [{ seq: 2, code: 'not_storable', message: expect.stringMatching(/^El servidor no pudo guardar este cambio/) }],
    });
    const { changes } = await pullAll(server, gestora);
    expect(changes.map((c) => (c.row as EventRow).title).sort()).toEqual(['Tres', 'Uno']);
    // The version counter moved once per stored row: the refused row's version was rolled back too.
    expect(changes.map((c) => c.version)).toEqual([changes[0]!.version, changes[0]!.version + 1]);
  });
});
