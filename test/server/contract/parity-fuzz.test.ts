/**
 * Engine parity: the same seeded pushes — valid mutations and nasty ones — sent to a server on
 * SQLite and to one on PostgreSQL give the same answers (status, lastSeq, refused seqs, codes and
 * messages) and leave the same rows. A value that one engine stores and the other refuses would
 * show up here. The seed is printed on failure; `FUZZ_SEED=<n>` replays it.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/store/schema';
import type { SessionResponse, WireMutation } from '../../../src/shared/protocol';
import { createLoggedInUser, createTestClock, startTestServer, type TestServer } from '../../helpers/server-app';
import { pushRaw } from '../../helpers/server-sync';
import { createRng, createSeededDevice, makeBatch, pick, seededUuid, type FuzzWorld } from './fuzz-mutations';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const BATCHES = 60;
const TABLES = ['events', 'checklist_runs', 'checklist_items', 'attendance', 'feedback', 'sync_rejections', 'sync_clients', 'participant_clients'] as const;

interface Side {
  server: TestServer;
  gestora: SessionResponse;
  facilitadora: SessionResponse;
  /** This server's account ids → a name both sides share. */
  labels: Map<string, string>;
}

/** Replaces this side's account ids with labels, so the two sides compare as text. */
function normalise(side: Side, value: unknown): unknown {
  let text = JSON.stringify(value);
  for (const [id, label] of side.labels) text = text.replaceAll(id, label);
  return JSON.parse(text);
}

/** Every row of the compared tables, without `version` (the sides may seed the catalogue differently). */
async function readRows(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows
      .map(({ version: _version, ...rest }) => rest)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('SQLite and PostgreSQL give the same outcome for the same seeded pushes', () => {
  const clock = createTestClock(Date.parse('2026-11-29T15:00:00.000Z'));
  const sides: Side[] = [];

  beforeAll(async () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const server = await startTestServer(engine, { now: clock.now });
      const gestora = await createLoggedInUser(server, ['gestor'], 'Gestora de Ayacucho');
      const facilitadora = await createLoggedInUser(server, ['facilitador'], 'Facilitadora de Ayacucho');
      const labels = new Map([[gestora.user.id, 'GESTORA'], [facilitadora.user.id, 'FACILITADORA']]);
      sides.push({ server, gestora, facilitadora, labels });
    }
  });
  afterAll(async () => Promise.all(sides.map((s) => s.server.close())));

  it(`answers and rows match (seed ${SEED})`, async () => {
    onTestFailed(() => console.error(`parity fuzz failed with seed ${SEED}: replay with FUZZ_SEED=${SEED}`));
    const rng = createRng(SEED);
    const world: FuzzWorld = { eventIds: [], runIds: [], workshopId: seededUuid(rng), workshopCode: 'FZABCD', attendanceIds: [], nowMs: clock.now() };
    const start = clock.now() - 3_600_000;
    const devices = {
      gestora: createSeededDevice(rng, start),
      facilitadora: createSeededDevice(rng, start),
      participant: createSeededDevice(rng, start),
    };
    const workshop = devices.facilitadora.next({
      name: 'workshop.save',
      args: {
        id: world.workshopId, code: world.workshopCode, title: 'Taller de gestión cultural', topic: 'Planificación',
        startsAt: new Date(world.nowMs + 2 * 3_600_000).toISOString(), endsAt: new Date(world.nowMs + 6 * 3_600_000).toISOString(),
        modality: 'presencial', placeCode: '050101', venue: 'Auditorio', capacity: 500, facilitators: ['Rosa Huamán'],
      },
    });
    await sendToBoth(sides, 'facilitadora', devices.facilitadora.clientId, [workshop], 'workshop');
    for (let i = 0; i < BATCHES; i += 1) {
      const kind = pick(rng, ['gestora', 'gestora', 'facilitadora', 'facilitadora', 'participant'] as const);
      const batch = makeBatch(rng, world, devices[kind], kind);
      // A retry of the same batch now and then: a replay must answer the same on both.
      const resend = i > 0 && rng() < 0.1;
      await sendToBoth(sides, kind, devices[kind].clientId, batch, `batch ${i} (${kind})`);
      if (resend) await sendToBoth(sides, kind, devices[kind].clientId, batch, `replay of batch ${i}`);
      clock.advance(Math.floor(rng() * 60_000));
    }
    const [sqlite, postgres] = await Promise.all(sides.map(async (s) => normalise(s, await readRows(s.server.store.db))));
    expect(sqlite, `stored rows differ (seed ${SEED})`).toEqual(postgres);
    // The run meant something: rows were stored and mutations refused, on both.
    const rows = sqlite as Record<string, unknown[]>;
    expect(rows.events!.length).toBeGreaterThan(0);
    expect(rows.sync_rejections!.length).toBeGreaterThan(0);
  });
});

async function sendToBoth(sides: Side[], who: 'gestora' | 'facilitadora' | 'participant', clientId: string, batch: WireMutation[], label: string) {
  const answers = [];
  for (const side of sides) {
    const session = who === 'participant' ? undefined : side[who];
    const res = await pushRaw(side.server, session, clientId, batch);
    answers.push(normalise(side, { status: res.statusCode, body: res.json() }));
  }
  expect(answers[0], `${label} answered differently (seed ${SEED}): ${JSON.stringify(batch).slice(0, 400)}`).toEqual(answers[1]);
}
