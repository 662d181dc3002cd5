/**
 * Seeded random mutations for the engine parity fuzz: mostly valid ones over a small world (a
 * gestora's events and checklists, a facilitadora's workshop, its attendance and feedback), mixed
 * with nasty ones (NUL, lone surrogates, numbers past a column, impossible dates, offsets, unknown
 * names and keys, wrong types). Everything comes from the seed, ids included, so two servers fed
 * the same seed get byte-identical pushes.
 */
import type { WireMutation } from '../../../src/shared/protocol';
import { formatHlc } from '../../../src/shared/hlc';
import { createRng, type Rng } from '../../helpers/random';

export { createRng, type Rng };

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

/** A UUIDv7-shaped id drawn from the seed. */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${pick(rng, ['8', '9', 'a', 'b'])}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Strings that one engine or the other has trouble with, and ordinary ones. */
const NASTY_TEXT = ['a\u0000b', '\u0000', '\ud800', 'x\udfffy', '👩🏽‍🌾 Qhapaq Ñan', '\u202eevil', ' '.repeat(5), 'é'.repeat(250), "'; drop table events; --", '<b>negrita</b>'];
const NASTY_NUMBERS = [2 ** 31, 2 ** 53, -1, 0.5, 1e20, Number.MAX_SAFE_INTEGER + 2, -0];
const NASTY_DATES = ['2026-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-12-05T10:00:00+05', '2026-13-01T00:00:00Z', 'mañana', '2026-12-05T10:00:00-05:00'];
const NASTY_DAYS = ['2026-02-29', '2028-02-29', '2026-04-31', '0000-01-01', '2026-1-1'];

/** The world the mutations act on; ids the generator made and may refer to again. */
export interface FuzzWorld {
  eventIds: string[];
  runIds: { runId: string; eventId: string }[];
  workshopId: string;
  workshopCode: string;
  attendanceIds: string[];
  nowMs: number;
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function eventArgs(rng: Rng, world: FuzzWorld, id: string): Record<string, unknown> {
  const start = world.nowMs + Math.floor(rng() * 240) * HOUR;
  return {
    id,
    title: pick(rng, ['Feria del libro', 'Pasacalle', 'Concierto en la plaza', 'Teatro de títeres']),
    type: pick(rng, ['concierto', 'feria', 'pasacalle', 'teatro']),
    startsAt: iso(start),
    endsAt: iso(start + Math.floor(rng() * 8) * HOUR),
    venue: 'Plaza de Armas',
    placeCode: '050101',
    expectedAudience: Math.floor(rng() * 2000),
    outdoors: chance(rng, 0.5),
    music: pick(rng, ['none', 'recorded', 'live']),
    heritageSite: chance(rng, 0.3),
    minors: chance(rng, 0.5),
  };
}

function person(rng: Rng): Record<string, unknown> {
  return {
    fullName: pick(rng, ['María Quispe', 'José Pérez', 'Rosa Huamán', 'Luis Mamani']),
    documentType: 'dni',
    documentNumber: pick(rng, ['40112233', '40112234', '40112235']),
    entityType: 'municipalidad-distrital',
    entityName: 'Municipalidad Distrital de San Juan Bautista',
    governmentLevel: 'distrital',
    regionCode: '05',
  };
}

type Maker = (rng: Rng, world: FuzzWorld, participant: boolean) => { name: string; args: unknown };

/** Valid mutations of a staff device (the gestora's and the facilitadora's share these). */
const VALID_STAFF: Maker[] = [
  (rng, world) => {
    const isEdit = world.eventIds.length > 0 && chance(rng, 0.4);
    const id = isEdit ? pick(rng, world.eventIds) : seededUuid(rng);
    if (!isEdit) world.eventIds.push(id);
    return { name: 'event.save', args: eventArgs(rng, world, id) };
  },
  (rng, world) => ({ name: 'event.archive', args: { id: world.eventIds.length && chance(rng, 0.8) ? pick(rng, world.eventIds) : seededUuid(rng) } }),
  (rng, world) => {
    const eventId = world.eventIds.length ? pick(rng, world.eventIds) : seededUuid(rng);
    const runId = seededUuid(rng);
    world.runIds.push({ runId, eventId });
    return { name: 'checklist.start', args: { runId, eventId, templateId: 'general', templateVersion: 1 + Math.floor(rng() * 3) } };
  },
  (rng, world) => ({
    name: 'checklist.setItem',
    args: {
      runId: world.runIds.length ? pick(rng, world.runIds).runId : seededUuid(rng),
      itemId: pick(rng, ['agua', 'luz', 'permiso-municipal']),
      patch: pick(rng, [{ done: true }, { done: false, note: 'Falta firmar' }, { notApplicable: true, reason: 'No aplica' }, { dueDate: '2026-12-01' }]),
    },
  }),
  (rng, world) => ({
    name: 'checklist.addItem',
    args: { runId: world.runIds.length ? pick(rng, world.runIds).runId : seededUuid(rng), itemId: `propio-${Math.floor(rng() * 5)}`, section: 'Propios', text: 'Llevar extensiones' },
  }),
];

/** Valid mutations of a workshop's people: staff without a code, participants with one. */
const VALID_WORKSHOP: Maker[] = [
  (rng, world, participant) => {
    const id = seededUuid(rng);
    world.attendanceIds.push(id);
    const args = { id, workshopId: world.workshopId, person: person(rng), consent: { given: true, textVersion: 'privacidad-2026-11' } };
    return { name: 'attendance.register', args: participant ? { ...args, workshopCode: world.workshopCode } : args };
  },
  (rng, world, participant) => {
    const args = {
      id: seededUuid(rng),
      workshopId: world.workshopId,
      ratings: { contenido: 1 + Math.floor(rng() * 5), facilitacion: 5, utilidad: 4, organizacion: 3 },
      recommend: Math.floor(rng() * 11),
    };
    return { name: 'feedback.submit', args: participant ? { ...args, workshopCode: world.workshopCode } : args };
  },
  (rng, world, participant) =>
    participant
      ? { name: 'feedback.submit', args: { id: seededUuid(rng), workshopId: world.workshopId, workshopCode: world.workshopCode, ratings: { contenido: 3, facilitacion: 3, utilidad: 3, organizacion: 3 }, recommend: 7, comment: 'Bien' } }
      : { name: 'attendance.update', args: { id: world.attendanceIds.length ? pick(rng, world.attendanceIds) : seededUuid(rng), patch: { position: 'Gestor cultural' } } },
];

/** Takes a valid mutation and breaks one thing in it. */
function spoil(rng: Rng, valid: { name: string; args: unknown }): { name: string; args: unknown } {
  const args = { ...(valid.args as Record<string, unknown>) };
  const keys = Object.keys(args);
  switch (Math.floor(rng() * 8)) {
    case 0:
      args[pick(rng, keys)] = pick(rng, NASTY_TEXT);
      return { ...valid, args };
    case 1:
      args[pick(rng, keys)] = pick(rng, NASTY_NUMBERS);
      return { ...valid, args };
    case 2:
      args[pick(rng, ['startsAt', 'endsAt', 'at'])] = pick(rng, NASTY_DATES);
      return { ...valid, args };
    case 3:
      return { ...valid, args: { ...args, patch: { dueDate: pick(rng, NASTY_DAYS) } } };
    case 4:
      return { name: pick(rng, ['event.x\u0000', '__proto__', 'constructor', 'toString', 'event.explode']), args };
    case 5:
      return { ...valid, args: { ...args, [pick(rng, ['x\u0000y', 'extra', '__proto__'])]: 1 } };
    case 6:
      return { ...valid, args: pick(rng, [null, 42, 'texto', [], [[[]]]]) };
    default:
      return { ...valid, args: { ...args, templateId: pick(rng, NASTY_TEXT), templateVersion: pick(rng, NASTY_NUMBERS) } };
  }
}

/** A device's queue with seeded stamps, so the same seed gives the same bytes on both servers. */
export function createSeededDevice(rng: Rng, startMs: number) {
  const clientId = seededUuid(rng);
  let seq = 0;
  let wall = startMs;
  return {
    clientId,
    next(made: { name: string; args: unknown }): WireMutation {
      seq += 1;
      wall += 1 + Math.floor(rng() * 1000);
      return { seq, name: made.name, v: 1, args: made.args, hlc: formatHlc({ wallMs: wall, counter: 0, clientId }) };
    },
  };
}

/** One random batch of 1–`max` mutations; about a quarter of them spoiled. */
export function makeBatch(rng: Rng, world: FuzzWorld, device: ReturnType<typeof createSeededDevice>, kind: 'gestora' | 'facilitadora' | 'participant', max = 12): WireMutation[] {
  const makers = kind === 'gestora' ? VALID_STAFF : kind === 'participant' ? VALID_WORKSHOP : [...VALID_STAFF, ...VALID_WORKSHOP];
  const size = 1 + Math.floor(rng() * (kind === 'participant' ? 3 : max));
  return Array.from({ length: size }, () => {
    const valid = pick(rng, makers)(rng, world, kind === 'participant');
    return device.next(chance(rng, 0.25) ? spoil(rng, valid) : valid);
  });
}
