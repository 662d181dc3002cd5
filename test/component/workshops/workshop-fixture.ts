import { uuidv7 } from '../../../src/shared/ids';
import type { WorkshopRow } from '../../../src/shared/schemas/workshop';
import type { Databases } from '../../../src/db/connection';
import { writeMeta, type StoredSession } from '../../../src/db/meta-store';
import { configure } from '@testing-library/preact';
import { makeSession, signIn, useFormDevice } from '../../unit/sync/device-fixture';

/** A workshop as the catalogue pull writes it; running now, so its participant window is open. */
export function makeWorkshop(overrides: Partial<WorkshopRow> = {}): WorkshopRow {
  const now = Date.now();
  return {
    id: uuidv7(),
    code: 'K7M2QP',
    title: 'Asistencia técnica para la organización y ejecución de eventos públicos culturales a nivel nacional',
    topic: 'Eventos públicos culturales',
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    modality: 'presencial',
    placeCode: '0501',
    venue: 'Auditorio de la DDC Ayacucho',
    capacity: 40,
    facilitators: ['Rosa Huamán'],
    updatedAt: new Date(now).toISOString(),
    ...overrides,
  };
}

/** Seeds the catalogue table `workshops` the way a pull does. */
export async function seedWorkshop(dbs: Databases, overrides: Partial<WorkshopRow> = {}): Promise<WorkshopRow> {
  const row = makeWorkshop(overrides);
  await dbs.catalogue.workshops.put({ ...row, syncVersion: 1 });
  return row;
}

export { makePerson } from '../../helpers/factories';

/**
 * Signs the device in as a facilitador who leads this workshop (its owner, as the pull of
 * `workshopLeads` says): the attendance, export and constancia actions are theirs.
 */
export async function leadWorkshop(dbs: Databases, workshopId: string): Promise<StoredSession> {
  const session = await signIn(dbs, { user: { ...makeSession().user, roles: ['facilitador'] } });
  await writeMeta(dbs.user.meta, `lead:${workshopId}`, session.user.id);
  return session;
}

/** Signs the device in as a facilitador who does not lead the workshops it sees. */
export function facilitateOnly(dbs: Databases): Promise<StoredSession> {
  return signIn(dbs, { user: { ...makeSession().user, roles: ['facilitador'] } });
}

/** What `useSeededWorkshop` gives each test: its device and the workshop seeded on it. */
export interface SeededWorkshop {
  dbs: Databases;
  workshop: WorkshopRow;
  workshopId: string;
}

/**
 * The setup the workshop screens' tests share: a fresh device for each test with one workshop
 * seeded, then `prepare` (to sign someone in). The returned holder is filled in before each test.
 * Live queries get 4 s to answer: the machine is shared and slow at times.
 */
export function useSeededWorkshop(prepare?: (seeded: SeededWorkshop) => Promise<unknown>): SeededWorkshop {
  configure({ asyncUtilTimeout: 4000 });
  const seeded = {} as SeededWorkshop;
  useFormDevice(async (dbs) => {
    const workshop = await seedWorkshop(dbs);
    Object.assign(seeded, { dbs, workshop, workshopId: workshop.id });
    await prepare?.(seeded);
  });
  return seeded;
}
