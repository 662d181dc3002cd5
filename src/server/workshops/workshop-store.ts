/**
 * Reading workshops, and the reason a participant without an account is refused outside the
 * window (shared `findWorkshopWindow`), decided with the server's clock: a device
 * offline in a venue keeps its check-in in the outbox, and the two days after the end leave
 * time to reach a signal.
 */
import type { Kysely, Transaction } from 'kysely';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { Role } from '../../shared/schemas/common';
import { findWorkshopWindow, type WorkshopRow, type WorkshopSaveArgs } from '../../shared/schemas/workshop';
import type { WorkshopByCodeResponse } from '../../shared/protocol';
import type { AuthUser } from '../auth/sessions';
import type { Database, WorkshopsTable } from '../store/schema';
import { readJson } from '../store/json';

/** The workshop's fields as stored in `data` (everything but the id). */
export type WorkshopFields = Omit<WorkshopSaveArgs, 'id'>;

/**
 * A stored workshop as anyone pulls it: the programme is public, so it carries nothing about
 * accounts — not its owner's id, not its co-facilitadores (those reach the workshop's own staff
 * in their user pull, `workshopStaff`).
 */
export function toWorkshopRow(stored: WorkshopsTable): WorkshopRow {
  return { ...readJson<WorkshopFields>(stored.data), id: stored.id, updatedAt: stored.updated_at };
}

/** The live workshop with this id, or undefined (never created, or deleted). */
export async function findWorkshop(trx: Transaction<Database>, id: string): Promise<WorkshopsTable | undefined> {
  const stored = await trx.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  return stored && stored.deleted === 0 ? stored : undefined;
}

/** «viernes 5 de marzo de 2027, 6:00 p. m. (hora de Lima)»: a time as the app writes it everywhere. */
export function formatLimaTime(isoUtc: string): string {
  return `${formatDateTime(isoUtc)} (hora de Lima)`;
}

/** Why a participant may not act now, or undefined when the window is open. */
export function explainClosedWindow(fields: Pick<WorkshopFields, 'startsAt' | 'endsAt'>, nowIso: string): string | undefined {
  const { opensAt, closesAt } = findWorkshopWindow(fields);
  if (nowIso < opensAt) return `El registro del taller aún no abre: abre el ${formatLimaTime(opensAt)}.`;
  if (nowIso > closesAt) return `El taller ya cerró su registro: la ventana terminó el ${formatLimaTime(closesAt)}.`;
  return undefined;
}

const STAFF_ROLES: readonly Role[] = ['facilitador', 'coordinador'];

/** Whether the caller runs workshops (facilitador or coordinador): no code or window needed. */
export function isStaff(caller: AuthUser): boolean {
  return caller.roles.some((role) => STAFF_ROLES.includes(role));
}

/**
 * The one live workshop a participant's QR code names (#12), as the catalogue pull carries it:
 * what `GET /api/workshops/by-code/:code` answers and the door's page carries inline.
 */
export async function findWorkshopByCode(db: Kysely<Database>, code: string): Promise<WorkshopByCodeResponse | undefined> {
  const stored = await db.selectFrom('workshops').selectAll().where('code', '=', code).where('deleted', '=', 0).executeTakeFirst();
  return stored && { change: { table: 'workshops', id: stored.id, version: Number(stored.version), row: toWorkshopRow(stored) } };
}
