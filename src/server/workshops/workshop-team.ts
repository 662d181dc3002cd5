/**
 * Co-facilitadores named by account (issue 9). The owner (or coordinación) names them on the
 * workshop; they then run it as its owner does — attendance, corrections, exports, constancias —
 * and pull its records. One writer keeps `workshops.cofacilitator_ids` and `workshop_team` alike.
 */
import type { Kysely, Transaction } from 'kysely';
import { canRunWorkshop } from '../../shared/permissions';
import type { AuthUser } from '../auth/sessions';
import type { FacilitatorAccount } from '../../shared/schemas/workshop';
import { readJson } from '../store/json';
import type { Database } from '../store/schema';
import { takeVersions } from '../store/version';

type Writer = Transaction<Database>;

/** The Spanish reason when a named account cannot co-facilitate. */
export const TEAM_REFUSAL = 'Solo puede nombrar como co-facilitador a una cuenta de facilitador activa, distinta de quien dirige el taller.';

/** The tables whose rows belong to one workshop and go to its whole team. */
const TEAM_TABLES = ['attendance', 'attendance_proposals', 'certificates', 'feedback'] as const;

/** The co-facilitadores of a stored workshop row. */
export function readTeam(stored: { cofacilitator_ids: string }): string[] {
  return readJson<string[]>(stored.cofacilitator_ids);
}

/**
 * Whether the caller runs the workshop (owner, a named co-facilitador, or coordinación). Reads
 * the team only when the caller is not its owner or coordinación.
 */
export async function canRunWorkshopById(trx: Writer, caller: AuthUser, workshopId: string, ownerId: string): Promise<boolean> {
  if (canRunWorkshop(caller, ownerId)) return true;
  if (!caller.roles.includes('facilitador')) return false;
  const named = await trx.selectFrom('workshop_team').select('user_id').where('workshop_id', '=', workshopId).where('user_id', '=', caller.id).executeTakeFirst();
  return named !== undefined;
}

/** Whether every id names an active facilitador account other than the owner. */
export async function isValidTeam(trx: Writer, ownerId: string, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  if (ids.includes(ownerId) || new Set(ids).size !== ids.length) return false;
  const accounts = await trx.selectFrom('users').select(['roles', 'disabled']).where('id', 'in', [...ids]).execute();
  return accounts.length === ids.length && accounts.every((a) => a.disabled === 0 && readJson<string[]>(a.roles).includes('facilitador'));
}

/**
 * Writes the team of a workshop. Someone newly named may have pulled past the workshop's records
 * already: they are stamped again (in their own order), so every member's next pull brings them.
 */
export async function writeTeam(trx: Writer, workshopId: string, before: readonly string[], after: readonly string[]): Promise<void> {
  await trx.deleteFrom('workshop_team').where('workshop_id', '=', workshopId).execute();
  if (after.length > 0) await trx.insertInto('workshop_team').values(after.map((user_id) => ({ workshop_id: workshopId, user_id }))).execute();
  if (!after.some((id) => !before.includes(id))) return;
  for (const table of TEAM_TABLES) await restampRows(trx, table, workshopId);
  await restampWaiting(trx, workshopId);
}

async function restampRows(trx: Writer, table: (typeof TEAM_TABLES)[number], workshopId: string): Promise<void> {
  const rows = await trx.selectFrom(table).select('id').where('workshop_id', '=', workshopId).orderBy('version').execute();
  if (rows.length === 0) return;
  const first = await takeVersions(trx, rows.length);
  // One row at a time keeps the order they had (a released group of opinions stays shuffled).
  for (const [i, row] of rows.entries()) await trx.updateTable(table).set({ version: first + i }).where('id', '=', row.id).execute();
}

async function restampWaiting(trx: Writer, workshopId: string): Promise<void> {
  const row = await trx.selectFrom('feedback_waiting').select('id').where('id', '=', workshopId).executeTakeFirst();
  if (row) await trx.updateTable('feedback_waiting').set({ version: await takeVersions(trx, 1) }).where('id', '=', workshopId).execute();
}

/** Active facilitador accounts by name (id and name only): whom an owner may name. */
export async function listFacilitators(db: Kysely<Database>): Promise<FacilitatorAccount[]> {
  const rows = await db.selectFrom('users').select(['id', 'name', 'roles']).where('disabled', '=', 0).orderBy('name').execute();
  return rows.filter((r) => readJson<string[]>(r.roles).includes('facilitador')).map((r) => ({ id: r.id, name: r.name }));
}
