/**
 * Who leads each workshop this account may change (pulled as `workshopLeads` in the user scope:
 * the owner's own workshops; every one for coordinación). The device offers «Editar taller» by
 * the shared rule (shared/permissions.ts) with this owner. Kept in the user database's `meta`
 * table (`lead:<workshopId>` → owner id): a handful of keys, no new table version.
 */
import type { Change } from '../shared/protocol';
import type { WorkshopLeadRow } from '../shared/schemas/workshop';
import { META_KEYS, readMeta, readSession, writeMeta } from './meta-store';
import type { UserDb } from './user-db';

const PREFIX = 'lead:';
/** Set once this device pulled the user scope with workshop leads in it (older devices pull again from 0). */
export const LEADS_PULLED = 'leads:v1';

const leadKey = (workshopId: string): string => `${PREFIX}${workshopId}`;
/** `team:<workshopId>` → the co-facilitadores' account ids (issue 9). */
const teamKey = (workshopId: string): string => `team:${workshopId}`;

/** Applies one pulled `workshopLeads` change; call inside the pull's transaction (it covers `meta`). */
export async function applyWorkshopLead(db: UserDb, change: Change): Promise<void> {
  const row = change.row as WorkshopLeadRow | undefined;
  if (change.deleted || !row?.ownerId) {
    await db.meta.bulkDelete([leadKey(change.id), teamKey(change.id)]);
    return;
  }
  await writeMeta(db.meta, leadKey(change.id), row.ownerId);
  await writeMeta(db.meta, teamKey(change.id), row.cofacilitatorIds ?? []);
}

/** The team as saved on this device, shown before the server confirms it. */
export async function keepWorkshopTeam(db: UserDb, workshopId: string, ids: readonly string[]): Promise<void> {
  await writeMeta(db.meta, teamKey(workshopId), [...ids]);
}

/** The co-facilitadores of a workshop as this device knows them ([] if none or unknown). */
export async function readWorkshopTeam(db: UserDb, workshopId: string): Promise<string[]> {
  return (await readMeta<string[]>(db.meta, teamKey(workshopId))) ?? [];
}

/** The owner of a workshop as this device knows it, or undefined (not this account's to change). */
export function readWorkshopLead(db: UserDb, workshopId: string): Promise<string | undefined> {
  return readMeta<string>(db.meta, leadKey(workshopId));
}

/** A workshop created on this device is its account's before any pull says so. */
export async function keepOwnWorkshopLead(db: UserDb, workshopId: string): Promise<void> {
  const session = await readSession(db);
  if (session) await writeMeta(db.meta, leadKey(workshopId), session.user.id);
}

/**
 * A device that pulled before workshop leads existed has its cursor past every workshop: once,
 * it pulls the user scope again from the start so the leads arrive.
 */
export async function rewindOnceForLeads(db: UserDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (await readMeta<boolean>(db.meta, LEADS_PULLED)) return;
    if (((await readMeta<number>(db.meta, META_KEYS.userCursor)) ?? 0) > 0) await writeMeta(db.meta, META_KEYS.userCursor, 0);
    await writeMeta(db.meta, LEADS_PULLED, true);
  });
}

/** Whether the one-time rewind above is still due: a user page read from the present cursor would miss the leads. */
export async function isLeadsRewindDue(db: UserDb): Promise<boolean> {
  return !(await readMeta<boolean>(db.meta, LEADS_PULLED)) && ((await readMeta<number>(db.meta, META_KEYS.userCursor)) ?? 0) > 0;
}
