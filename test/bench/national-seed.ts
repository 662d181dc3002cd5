/**
 * Seeds a national picture straight into the tables with bulk INSERTs (not through push: the
 * bench measures the report, not the sync): workshops over two years, attendance of people who
 * come back to several workshops, feedback, events and checklist runs with touched items.
 */
import { sql, type Kysely } from 'kysely';
import { withCatalogueTables } from '../../src/server/catalogue/catalogue-tables';
import type { Database } from '../../src/server/store/schema';
import { makeDocumentKey, makeNameKey, type AttendancePerson } from '../../src/shared/schemas/attendance';
import type { ChecklistTemplate } from '../../src/shared/catalogue/template';
import { PROVINCES, regionOfPlace } from '../../src/shared/places/provinces';
import { WORKSHOP_CODE_ALPHABET } from '../../src/shared/schemas/workshop';
import { makeEventArgs } from '../helpers/factories';

/** How much to seed; the bench row uses the issue's figures. */
export interface NationalScale {
  workshops: number;
  attendance: number;
  people: number;
  feedback: number;
  events: number;
  runs: number;
}

export const ISSUE_SCALE: NationalScale = { workshops: 5_000, attendance: 100_000, people: 40_000, feedback: 25_000, events: 20_000, runs: 4_000 };

// 2,000 rows of ≤ 15 columns stay under both engines' limits on bound parameters (SQLite 32,766).
const CHUNK = 2_000;
const OWNER = 'bench-owner';
const TOPICS = Array.from({ length: 20 }, (_, i) => `Tema de formación ${i + 1}`);
const ENTITY_TYPES = ['municipalidad-distrital', 'municipalidad-distrital', 'municipalidad-provincial', 'ddc', 'gobierno-regional', 'otra'] as const;
const LEVELS = { 'municipalidad-distrital': 'distrital', 'municipalidad-provincial': 'provincial', ddc: 'nacional', 'gobierno-regional': 'regional', otra: 'otro' } as const;

/** A template of 30 items for the seeded runs. */
export const BENCH_TEMPLATE: ChecklistTemplate = {
  id: 'bench-plantilla', version: 1, title: 'Plantilla de prueba', summary: 'Treinta ítems.', proposeWhen: {},
  sections: [{ id: 'unica', title: 'Única', items: Array.from({ length: 30 }, (_, i) => ({ id: `bench.item-${i}`, text: `Ítem ${i}`, dueDays: 30 - i, ...(i % 7 === 0 ? { appliesWhen: { outdoors: false } } : {}) })) }],
};

function code(n: number): string {
  let text = '';
  for (let i = 0, rest = n; i < 6; i += 1, rest = Math.floor(rest / WORKSHOP_CODE_ALPHABET.length)) text += WORKSHOP_CODE_ALPHABET[rest % WORKSHOP_CODE_ALPHABET.length];
  return text;
}

function uuid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0193f${kind.toString(16).padStart(3, '0')}-0000-7000-8000-${hex}`;
}

// Spread over 2025 and 2026, at 9:00 Lima, half-day sessions.
function dayOf(n: number): { startsAt: string; endsAt: string } {
  const start = Date.UTC(2025, 0, 1, 14) + (n % 730) * 86_400_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 4 * 3_600_000).toISOString() };
}

async function insertChunks(db: Kysely<Database>, table: Batch[0], rows: readonly object[]): Promise<void> {
  const typed = withCatalogueTables(db);
  for (let i = 0; i < rows.length; i += CHUNK) await typed.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** Seeds everything at `scale`, in one transaction (one commit, not one per chunk). */
export async function seedNationalPicture(db: Kysely<Database>, scale: NationalScale = ISSUE_SCALE): Promise<void> {
  // Every row is built first: the server's PostgreSQL sessions end a transaction left idle for
  // 10 s (timeouts.ts), which building 100,000 rows inside it would take on a busy machine.
  const batches: Batch[] = [];
  buildRows(batches, scale);
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of batches) await insertChunks(trx, table, rows);
    // As if every row had been written through the server: the counter stands at the highest version stamped.
    const highest = batches.reduce((top, [, rows]) => rows.reduce((max: number, row) => Math.max(max, Number((row as { version?: number }).version ?? 0)), top), 0);
    await sql`update sync_version set value = ${highest} where id = 1`.execute(trx);
  });
  // A database in use has planner statistics (autovacuum); a freshly bulk-loaded one not yet.
  await sql`analyze`.execute(db);
}

type Batch = [keyof Database | 'catalogue_templates', readonly object[]];

function buildRows(batches: Batch[], scale: NationalScale): void {
  const now = '2026-11-29T15:00:00.000Z';
  const workshops = Array.from({ length: scale.workshops }, (_, n) => {
    const place = PROVINCES[n % PROVINCES.length]!.code;
    const virtual = n % 10 === 0;
    const data = {
      code: code(n + 1000), title: `Taller ${n}`, topic: TOPICS[n % TOPICS.length], ...dayOf(n), modality: virtual ? 'virtual' : 'presencial',
      ...(virtual ? {} : { placeCode: `${place}01`, venue: 'Auditorio' }), capacity: 60, facilitators: ['Equipo DGIA'],
    };
    return { id: uuid(1, n), code: data.code, owner_id: OWNER, data: JSON.stringify(data), field_hlc: '{}', deleted: 0, version: n + 1, updated_at: now };
  });
  batches.push(['workshops', workshops]);
  const people = Array.from({ length: scale.people }, (_, n): AttendancePerson => {
    const entityType = ENTITY_TYPES[n % ENTITY_TYPES.length]!;
    const province = PROVINCES[(n * 7) % PROVINCES.length]!.code;
    return {
      fullName: `Participante Ñahui Quispe ${n}`, ...(n % 10 < 7 ? { documentType: 'dni' as const, documentNumber: String(40_000_000 + n) } : {}),
      entityType, entityName: `Entidad ${entityType} ${n % 3_000}`, governmentLevel: LEVELS[entityType], regionCode: regionOfPlace(province)!,
      position: 'Especialista en cultura', email: `persona${n}@example.pe`, phone: '987654321',
    };
  });
  const attendance = Array.from({ length: scale.attendance }, (_, n) => {
    const person = people[(n * 7919) % people.length]!;
    return {
      id: uuid(2, n), workshop_id: workshops[n % workshops.length]!.id, owner_id: OWNER, person: JSON.stringify(person),
      consent: '{"given":true,"textVersion":"privacidad-2026-11"}', field_hlc: '{}', doc_key: makeDocumentKey(person) ?? null,
      name_key: makeNameKey(person), recorded_by: OWNER, recorded_at: now, merged_ids: '[]', merged_into: null, deleted: 0, version: n + 1, updated_at: now,
    };
  });
  batches.push(['attendance', attendance]);
  batches.push(['feedback', Array.from({ length: scale.feedback }, (_, n) => ({
    id: uuid(3, n), workshop_id: workshops[n % workshops.length]!.id, owner_id: OWNER, deleted: 0, version: n + 1,
    answers: JSON.stringify({ ratings: { contenido: 1 + (n % 5), facilitacion: 4, utilidad: 5, organizacion: 3 }, recommend: n % 11, comment: 'Comentario' }),
  }))]);
  buildEvents(batches, scale, now);
}

function buildEvents(batches: Batch[], scale: NationalScale, now: string): void {
  const events = Array.from({ length: scale.events }, (_, n) => {
    const { id: _id, ...data } = makeEventArgs({ ...dayOf(n * 3), placeCode: `${PROVINCES[n % PROVINCES.length]!.code}01`, outdoors: n % 2 === 0 });
    return { id: uuid(4, n), owner_id: OWNER, data: JSON.stringify(data), field_hlc: '{}', archived: n % 50 === 0 ? 1 : 0, deleted: 0, version: n + 1, updated_at: now };
  });
  batches.push(['events', events]);
  batches.push(['catalogue_templates', [{ id: BENCH_TEMPLATE.id, hash: 'bench', row: JSON.stringify(BENCH_TEMPLATE), build_hash: null, deleted: 0, version: 1, updated_at: now }]]);
  // Runs on the later events (2026), each with ten items touched.
  const runs = Array.from({ length: scale.runs }, (_, n) => ({
    id: uuid(5, n), owner_id: OWNER, event_id: events[events.length - 1 - n]!.id, template_id: BENCH_TEMPLATE.id, template_version: 1,
    custom_items: '[]', deleted: 0, version: n + 1, updated_at: now,
  }));
  batches.push(['checklist_runs', runs]);
  batches.push(['checklist_items', runs.flatMap((run, r) => Array.from({ length: 10 }, (_, i) => ({
    id: `${run.id}:bench.item-${i}`, run_id: run.id, item_id: `bench.item-${i}`, owner_id: OWNER,
    state: JSON.stringify((r + i) % 3 === 0 ? { done: true } : { note: 'Pendiente' }), field_hlc: '{}', deleted: 0, version: 1, updated_at: now,
  })))]);
}
