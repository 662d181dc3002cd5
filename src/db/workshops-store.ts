import type { WorkshopRow } from '../shared/schemas/workshop';
import type { CatalogueDb, CatalogueRow } from './catalogue-db';

/** A workshop on the device: the pulled row, or one saved here and not yet confirmed by a pull. */
export type LocalWorkshop = WorkshopRow & { syncVersion?: number; isLocal?: boolean };

/** One workshop by id, or undefined. */
export async function getWorkshop(db: CatalogueDb, id: string): Promise<LocalWorkshop | undefined> {
  return (await db.workshops.get(id)) as unknown as LocalWorkshop | undefined;
}

/** The workshop with this public code (upper-case), or undefined when the device has not pulled it. */
export async function findWorkshopByCode(db: CatalogueDb, code: string): Promise<LocalWorkshop | undefined> {
  return (await db.workshops.where('code').equals(code.trim().toUpperCase()).first()) as unknown as LocalWorkshop | undefined;
}

/** Every workshop on the device, soonest first (empty until the first catalogue pull). */
export async function listWorkshops(db: CatalogueDb): Promise<LocalWorkshop[]> {
  return (await db.workshops.orderBy('startsAt').toArray()) as unknown as LocalWorkshop[];
}

/**
 * Shows a workshop saved on this device before the server confirms it. The catalogue is
 * otherwise written only by a pull; the next pull replaces this copy with the server's row.
 * The save itself is safe in the outbox, so losing this copy costs nothing.
 */
export async function keepLocalWorkshop(db: CatalogueDb, row: LocalWorkshop): Promise<void> {
  const existing = await db.workshops.get(row.id);
  await db.workshops.put({ ...(existing ?? {}), ...row, isLocal: true } as CatalogueRow);
}

/** Removes the workshops kept by `keepLocalWorkshop` that no pull has confirmed yet (sign-out). */
export async function forgetLocalWorkshops(db: CatalogueDb): Promise<void> {
  await db.workshops.filter((row) => row['isLocal'] === true).delete();
}
