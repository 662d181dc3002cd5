import type { CatalogueDb, LocalWorkshop } from './catalogue-db';

export type { LocalWorkshop };

/** One workshop by id, or undefined. */
export async function getWorkshop(db: CatalogueDb, id: string): Promise<LocalWorkshop | undefined> {
  return db.workshops.get(id);
}

/** The workshop with this public code (upper-case), or undefined when the device has not pulled it. */
export async function findWorkshopByCode(db: CatalogueDb, code: string): Promise<LocalWorkshop | undefined> {
  return db.workshops.where('code').equals(code.trim().toUpperCase()).first();
}

/** Every workshop on the device, soonest first (empty until the first catalogue pull). */
export async function listWorkshops(db: CatalogueDb): Promise<LocalWorkshop[]> {
  return db.workshops.orderBy('startsAt').toArray();
}

/**
 * Shows a workshop saved on this device before the server confirms it. The catalogue is
 * otherwise written only by a pull; the next pull replaces this copy with the server's row.
 * The save itself is safe in the outbox, so losing this copy costs nothing.
 */
export async function keepLocalWorkshop(db: CatalogueDb, row: LocalWorkshop): Promise<void> {
  const existing = await db.workshops.get(row.id);
  await db.workshops.put({ ...existing, ...row, isLocal: true });
}

/** Removes the workshops kept by `keepLocalWorkshop` that no pull has confirmed yet (sign-out). */
export async function forgetLocalWorkshops(db: CatalogueDb): Promise<void> {
  await db.workshops.filter((row) => row.isLocal === true).delete();
}

/**
 * Keeps the one workshop a participant's door fetched by its code (#12), as a pull would store
 * it: the catalogue cursor does not move, so the next full pull brings it again; a copy this
 * device already holds at the same or a newer version is left as it is.
 */
export async function keepDoorWorkshop(db: CatalogueDb, change: { id: string; version: number; row?: unknown }): Promise<void> {
  await db.transaction('rw', db.workshops, async () => {
    const existing = await db.workshops.get(change.id);
    if ((existing?.syncVersion ?? -1) >= change.version) return;
    await db.workshops.put({ ...(change.row as LocalWorkshop), id: change.id, syncVersion: change.version });
  });
}
