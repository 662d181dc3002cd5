/** Factories for the workshop tests: a workshop, a person, a registration, a feedback. */
import { afterAll, beforeAll } from 'vitest';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import type { AttendancePerson, AttendanceRegisterArgs } from '../../../src/shared/schemas/attendance';
import type { FeedbackSubmitArgs } from '../../../src/shared/schemas/feedback';
import type { WorkshopSaveArgs } from '../../../src/shared/schemas/workshop';
import { createLoggedInUser, startTestServer, type EngineName, type TestClock, type TestServer } from '../../helpers/server-app';

const HOUR = 60 * 60 * 1000;

/** A workshop that starts two hours after `nowMs` and lasts four hours. */
export function makeWorkshopArgs(nowMs: number, overrides: Partial<WorkshopSaveArgs> = {}): WorkshopSaveArgs {
  return {
    id: uuidv7(),
    code: randomCode(),
    title: 'Gestión cultural comunitaria',
    topic: 'Planificación participativa',
    startsAt: new Date(nowMs + 2 * HOUR).toISOString(),
    endsAt: new Date(nowMs + 6 * HOUR).toISOString(),
    modality: 'presencial',
    placeCode: '050101',
    venue: 'Auditorio de la DDC Ayacucho',
    capacity: 60,
    facilitators: ['Rosa Huamán'],
    ...overrides,
  };
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh 6-character workshop code. */
export function randomCode(): string {
  return Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
}

export { makePerson } from '../../helpers/factories';

/**
 * Fresh client addresses in 10.<block>.x.y, one per call, so a per-address limit is met only
 * where a test means it to be (each file takes its own block).
 */
export function createAddressSource(block: number): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    return `10.${block}.${Math.floor(counter / 250)}.${counter % 250}`;
  };
}

/** A random whole number below `n`: the dice `drawCertificateCode` takes. */
export const randomInt = (n: number): number => Math.floor(Math.random() * n);

/** An `attendance.register` for `workshopId`. */
export function makeRegistration(workshopId: string, person: AttendancePerson, extra: Partial<AttendanceRegisterArgs> = {}): AttendanceRegisterArgs {
  return { id: uuidv7(), workshopId, person, consent: { given: true, textVersion: 'privacidad-2026-11' }, ...extra };
}

/** A `feedback.submit` for `workshopId`. */
export function makeFeedback(workshopId: string, extra: Partial<FeedbackSubmitArgs> = {}): FeedbackSubmitArgs {
  return {
    id: uuidv7(),
    workshopId,
    ratings: { contenido: 5, facilitacion: 4, utilidad: 5, organizacion: 3 },
    recommend: 9,
    comment: 'Muy útil para la feria de mi distrito.',
    topics: ['Derechos de autor'],
    ...extra,
  };
}

/** The people around a workshop, each logged in on the block's server. */
export interface WorkshopTeam {
  server: TestServer;
  /** Rosa Huamán, the facilitadora who leads the block's workshops. */
  owner: SessionResponse;
  /** Luis Mamani, a facilitador of other workshops. */
  otherFacilitador: SessionResponse;
  coordinadora: SessionResponse;
  gestor: SessionResponse;
}

/**
 * The setup the workshop tests share: one server on `engine` on the test's clock with the
 * workshop team logged in, started before the block's tests (then `seed`, to push its workshops)
 * and closed after them. The returned team is filled in once it has started.
 */
export function useWorkshopTeam(engine: EngineName, clock: TestClock, seed?: (team: WorkshopTeam) => Promise<void>): WorkshopTeam {
  const team = {} as WorkshopTeam;
  beforeAll(async () => {
    team.server = await startTestServer(engine, { now: clock.now });
    team.owner = await createLoggedInUser(team.server, ['facilitador'], 'Rosa Huamán');
    team.otherFacilitador = await createLoggedInUser(team.server, ['facilitador'], 'Luis Mamani');
    team.coordinadora = await createLoggedInUser(team.server, ['coordinador'], 'Coordinación DGIA');
    team.gestor = await createLoggedInUser(team.server, ['gestor']);
    await seed?.(team);
  });
  afterAll(async () => team.server?.close());
  return team;
}
