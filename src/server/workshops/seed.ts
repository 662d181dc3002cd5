/**
 * The RED programme a first start brings: six workshops owned by the first coordinador, with
 * fixed ids. Their public codes are drawn at random when seeded, never written here: a code in
 * the source is a code everyone can read before the workshop is announced. Seeding is
 * idempotent — a workshop already there (even edited or deleted by a coordinador since) is left
 * alone, so restarts and parallel starts change nothing.
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_LENGTH, type WorkshopSaveArgs } from '../../shared/schemas/workshop';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion } from '../store/version';
import { writeJson } from '../store/json';

/** The stamp of seeded fields: older than any real edit, so the first edit always wins. */
const SEED_HLC = '000000000000000:0000:seed';
const DGIA = 'Equipo de la DGIA – Ministerio de Cultura';

/** The programme, December 2026 to March 2027 (times in UTC; Lima is UTC−5). */
export const SEED_WORKSHOPS: readonly Omit<WorkshopSaveArgs, 'code'>[] = [
  {
    id: '0193f000-0000-7000-8000-000000000001',
    title: 'Asistencia técnica para la organización y ejecución de eventos públicos culturales a nivel nacional',
    topic: 'Planificación, permisos, seguridad y cierre de eventos públicos culturales',
    startsAt: '2026-12-10T14:00:00.000Z',
    endsAt: '2026-12-10T22:00:00.000Z',
    modality: 'virtual',
    link: 'https://www.gob.pe/cultura',
    capacity: 300,
    facilitators: [DGIA],
  },
  {
    id: '0193f000-0000-7000-8000-000000000002',
    title: 'Derechos de autor y conexos en eventos culturales',
    topic: 'Licencias de música, sociedades de gestión colectiva y contratos con artistas',
    startsAt: '2027-01-14T14:00:00.000Z',
    endsAt: '2027-01-14T21:00:00.000Z',
    modality: 'hibrida',
    placeCode: '080101',
    venue: 'Dirección Desconcentrada de Cultura de Cusco, auditorio',
    link: 'https://www.gob.pe/cultura',
    capacity: 80,
    facilitators: [DGIA, 'Dirección Desconcentrada de Cultura de Cusco'],
  },
  {
    id: '0193f000-0000-7000-8000-000000000003',
    title: 'Gestión de riesgos, aforo y seguridad en espacios públicos',
    topic: 'Plan de seguridad, cálculo de aforo, evacuación y coordinación con la municipalidad',
    startsAt: '2027-01-28T14:00:00.000Z',
    endsAt: '2027-01-29T21:00:00.000Z',
    modality: 'presencial',
    placeCode: '040101',
    venue: 'Centro Cultural de Arequipa, sala principal',
    capacity: 60,
    facilitators: [DGIA],
  },
  {
    id: '0193f000-0000-7000-8000-000000000004',
    title: 'Accesibilidad e inclusión en eventos culturales',
    topic: 'Personas con discapacidad, lengua de señas, lenguas originarias y públicos diversos',
    startsAt: '2027-02-11T15:00:00.000Z',
    endsAt: '2027-02-11T20:00:00.000Z',
    modality: 'virtual',
    link: 'https://www.gob.pe/cultura',
    capacity: 200,
    facilitators: [DGIA],
  },
  {
    id: '0193f000-0000-7000-8000-000000000005',
    title: 'Presupuesto y contratación pública para eventos culturales con la Ley 32069',
    topic: 'Programación presupuestal, requerimientos y contrataciones de bienes y servicios',
    startsAt: '2027-02-25T14:00:00.000Z',
    endsAt: '2027-02-26T21:00:00.000Z',
    modality: 'presencial',
    placeCode: '150101',
    venue: 'Ministerio de Cultura, sede central (San Borja)',
    capacity: 50,
    facilitators: [DGIA],
  },
  {
    id: '0193f000-0000-7000-8000-000000000006',
    title: 'Registro de asistencia y protección de datos personales (Ley 29733)',
    topic: 'Consentimiento, datos mínimos, conservación, exportación y supresión de datos de participantes',
    startsAt: '2027-03-11T14:00:00.000Z',
    endsAt: '2027-03-11T21:00:00.000Z',
    modality: 'hibrida',
    placeCode: '050101',
    venue: 'Dirección Desconcentrada de Cultura de Ayacucho',
    link: 'https://www.gob.pe/cultura',
    capacity: 70,
    facilitators: [DGIA, 'Dirección Desconcentrada de Cultura de Ayacucho'],
  },
];

/** A fresh public code, uniform over the unambiguous alphabet (no modulo bias). */
export function drawWorkshopCode(): string {
  return Array.from({ length: WORKSHOP_CODE_LENGTH }, () => WORKSHOP_CODE_ALPHABET[randomInt(WORKSHOP_CODE_ALPHABET.length)]).join('');
}

/** A code no workshop uses yet. */
async function drawFreeCode(trx: Transaction<Database>): Promise<string> {
  for (;;) {
    const code = drawWorkshopCode();
    if (!(await trx.selectFrom('workshops').select('id').where('code', '=', code).executeTakeFirst())) return code;
  }
}

/** The first coordinador (the one the first start created), or undefined when there is none yet. */
async function findFirstCoordinador(db: Kysely<Database>): Promise<string | undefined> {
  const rows = await db.selectFrom('users').select(['id', 'roles']).orderBy('created_at').orderBy('email').execute();
  return rows.find((row) => (JSON.parse(row.roles) as string[]).includes('coordinador'))?.id;
}

/** Adds the seed workshops that are missing; returns how many were added. */
export async function seedWorkshops(db: Kysely<Database>, engine: 'sqlite' | 'postgres', nowIso: string): Promise<number> {
  const ownerId = await findFirstCoordinador(db);
  if (!ownerId) return 0;
  return runInTransaction(db, async (trx) => {
    await lockVersionCounter(trx, engine);
    const present = new Set((await trx.selectFrom('workshops').select('id').execute()).map((row) => row.id));
    let added = 0;
    for (const { id, ...fields } of SEED_WORKSHOPS) {
      if (present.has(id)) continue;
      const stored = { ...fields, code: await drawFreeCode(trx) };
      const fieldHlc = Object.fromEntries(Object.keys(stored).map((key) => [key, SEED_HLC]));
      await trx
        .insertInto('workshops')
        .values({ id, code: stored.code, owner_id: ownerId, data: writeJson(stored), field_hlc: writeJson(fieldHlc), cofacilitator_ids: '[]', deleted: 0, version: await nextVersion(trx), updated_at: nowIso })
        .execute();
      added += 1;
    }
    return added;
  });
}
