import { uuidv7 } from '../../../src/shared/ids';
import type { WorkshopRow } from '../../../src/shared/schemas/workshop';
import type { Databases } from '../../../src/db/connection';

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
