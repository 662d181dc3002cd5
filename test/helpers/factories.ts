/**
 * Factories shared by unit, component, server and end-to-end tests: valid arguments of the
 * mutations a device queues. Light on purpose (shared code only), so any test may import them.
 */
import { formatHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { AttendancePerson } from '../../src/shared/schemas/attendance';
import type { EventSaveArgs } from '../../src/shared/schemas/event';

/** A well-formed HLC stamp at `wallMs`. */
export function stampAt(wallMs: number, clientId: string, counter = 0): string {
  return formatHlc({ wallMs, counter, clientId });
}

/** The args of a valid `event.save`, with overrides (a festival in Ayacucho's main square). */
export function makeEventArgs(overrides: Partial<EventSaveArgs> = {}): EventSaveArgs {
  return {
    id: uuidv7(),
    title: 'Festival de la Canción Ayacuchana',
    type: 'festival',
    startsAt: '2026-12-05T15:00:00.000Z',
    endsAt: '2026-12-05T23:00:00.000Z',
    venue: 'Plaza de Armas',
    placeCode: '050101',
    expectedAudience: 800,
    outdoors: true,
    music: 'live',
    heritageSite: true,
    minors: true,
    ...overrides,
  };
}

/** A workshop participant with the required fields (Ayacucho, district municipality). */
export function makePerson(overrides: Partial<AttendancePerson> = {}): AttendancePerson {
  return {
    fullName: 'María Quispe Huamaní',
    entityType: 'municipalidad-distrital',
    entityName: 'Municipalidad Distrital de Quinua',
    governmentLevel: 'distrital',
    regionCode: '05',
    ...overrides,
  };
}
