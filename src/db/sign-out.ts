import { META_KEYS } from './meta-store';
import type { UserDb } from './user-db';

/**
 * Forgets the session and everything the person wrote on this device (a shared phone must not
 * show the last user's events). The device id is forgotten too: the server binds a client id to
 * one account, so the next person gets a new one. Seqs keep growing (IndexedDB never reuses
 * them) and the HLC keeps its time. Callers check first that nothing unsent would be lost.
 */
export async function forgetUserData(db: UserDb): Promise<void> {
  const tables = [db.events, db.checklistRuns, db.checklistItems, db.attendance, db.feedback, db.outbox, db.rejected, db.meta];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) if (table !== db.meta) await table.clear();
    await db.meta.bulkDelete([META_KEYS.clientId, META_KEYS.session, META_KEYS.userCursor, META_KEYS.exportedSeq, META_KEYS.imported, META_KEYS.lastSyncedAt]);
  });
}
