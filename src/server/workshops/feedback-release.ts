/**
 * Anonymous opinions reach staff devices only in groups (security report M1). A pulled row
 * carries the version it was stamped with, and versions follow the order of arrival: a check-in
 * and an opinion sent together would sit side by side. So an opinion is first held back
 * (`feedback_held`: no version, never pulled) and released only with others — the whole group
 * at once, in a shuffled order, on consecutive versions — once FEEDBACK_GROUP_SIZE wait, or
 * whatever remains when the workshop's window closes. Meanwhile staff pull only the count.
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { findWorkshopWindow } from '../../shared/schemas/workshop';
import { readJson } from '../store/json';
import type { Database, FeedbackHeldTable } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { lockVersionCounter, nextVersion, takeVersions } from '../store/version';
import type { WorkshopFields } from './workshop-store';

/** The smallest group of opinions a staff device ever receives while the window is open. */
export const FEEDBACK_GROUP_SIZE = 5;

type Writer = Transaction<Database>;

/** Fisher–Yates with the system's random source: the order says nothing about arrival. */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function countHeld(trx: Writer, workshopId: string): Promise<number> {
  const row = await trx.selectFrom('feedback_held').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workshop_id', '=', workshopId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stamps the workshop's «en espera» count with a new version, so its staff pull it. */
async function writeWaiting(trx: Writer, workshopId: string, ownerId: string, waiting: number): Promise<void> {
  const version = await nextVersion(trx);
  await trx
    .insertInto('feedback_waiting')
    .values({ id: workshopId, owner_id: ownerId, waiting, deleted: 0, version })
    .onConflict((oc) => oc.column('id').doUpdateSet({ owner_id: ownerId, waiting, version }))
    .execute();
}

/** Whether an opinion with this stored id was already received (held or released): a replay is one row. */
export async function isFeedbackKnown(trx: Writer, id: string): Promise<boolean> {
  const held = await trx.selectFrom('feedback_held').select('id').where('id', '=', id).executeTakeFirst();
  if (held) return true;
  return (await trx.selectFrom('feedback').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** How many opinions a workshop has received, held or released (its capacity bounds them). */
export async function countReceivedFeedback(trx: Writer, workshopId: string): Promise<number> {
  const released = await trx.selectFrom('feedback').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workshop_id', '=', workshopId).executeTakeFirstOrThrow();
  return Number(released.n) + (await countHeld(trx, workshopId));
}

/** Whether the participants' window of a stored workshop has closed by `nowIso`. */
export function isWindowClosed(workshopData: string, nowIso: string): boolean {
  return findWorkshopWindow(readJson<WorkshopFields>(workshopData)).closesAt <= nowIso;
}

/**
 * Holds a new opinion back; when the workshop then holds a full group, releases it. After the
 * window closed (staff typing paper forms in later) no group can grow any more: all go out.
 */
export async function holdFeedback(trx: Writer, row: FeedbackHeldTable, windowClosed: boolean): Promise<void> {
  await trx.insertInto('feedback_held').values(row).execute();
  const waiting = await countHeld(trx, row.workshop_id);
  if (windowClosed || waiting >= FEEDBACK_GROUP_SIZE) await releaseHeldFeedback(trx, row.workshop_id, row.owner_id);
  else await writeWaiting(trx, row.workshop_id, row.owner_id, waiting);
}

/** Releases every opinion a workshop holds: shuffled, on consecutive versions taken at once. */
export async function releaseHeldFeedback(trx: Writer, workshopId: string, ownerId: string): Promise<number> {
  const held = await trx.selectFrom('feedback_held').selectAll().where('workshop_id', '=', workshopId).execute();
  if (held.length === 0) return 0;
  const first = await takeVersions(trx, held.length);
  const rows = shuffle(held).map((h, i) => ({ id: h.id, workshop_id: h.workshop_id, owner_id: h.owner_id, answers: h.answers, deleted: 0, version: first + i }));
  await trx.insertInto('feedback').values(rows).execute();
  await trx.deleteFrom('feedback_held').where('workshop_id', '=', workshopId).execute();
  await writeWaiting(trx, workshopId, ownerId, 0);
  return held.length;
}

/**
 * Releases what remains held for workshops whose participants' window has closed (or that were
 * withdrawn): no more opinions can join their group. Each workshop in its own transaction.
 * Returns how many opinions were released.
 */
export async function releaseAtWindowClose(db: Kysely<Database>, engine: 'sqlite' | 'postgres', nowIso: string): Promise<number> {
  const pending = await db.selectFrom('feedback_held').select('workshop_id').distinct().execute();
  let released = 0;
  for (const { workshop_id: workshopId } of pending) {
    released += await runInTransaction(db, async (trx) => {
      await lockVersionCounter(trx, engine);
      const workshop = await trx.selectFrom('workshops').select(['owner_id', 'data', 'deleted']).where('id', '=', workshopId).executeTakeFirst();
      const isOpen = workshop && workshop.deleted === 0 && !isWindowClosed(workshop.data, nowIso);
      if (isOpen) return 0;
      const owner = workshop?.owner_id ?? (await trx.selectFrom('feedback_held').select('owner_id').where('workshop_id', '=', workshopId).executeTakeFirst())?.owner_id;
      return owner ? releaseHeldFeedback(trx, workshopId, owner) : 0;
    });
  }
  return released;
}
