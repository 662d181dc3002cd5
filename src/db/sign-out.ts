import { isEverythingExported } from './changes-file';
import { META_KEYS } from './meta-store';
import type { CatalogueDb } from './catalogue-db';
import type { UserDb } from './user-db';
import { forgetLocalWorkshops } from './workshops-store';

/**
 * Forgets the session and everything the previous account left on this device: a shared phone
 * (a municipality's, a venue's) must not show the next person the last one's events, checklist
 * runs, attendance and proposed corrections, pulled feedback, which workshops they sent feedback for, their CSV export
 * log, nor what they read: favourites, recents and reading progress are not synced, but they
 * say what one person was working on, so they go too. The device id goes (the server binds a
 * client id to one account); only the HLC stays, so the next person's stamps keep moving
 * forward. The catalogue (public) stays, except the person's own unconfirmed workshops.
 *
 * Refuses — returns false, nothing changed — while unsent or rejected changes exist that were
 * not exported to a file, or a photo waits to be sent (its image is only here). The check and the clearing are ONE transaction, so a change written
 * meanwhile (another tab, the service worker) is never cleared unseen.
 */
export async function forgetUserData(db: UserDb, catalogue?: CatalogueDb): Promise<boolean> {
  const cleared = [db.events, db.checklistRuns, db.checklistItems, db.attendance, db.attendanceProposals, db.feedback, db.certificates, db.photos, db.mediaUploads, db.outbox, db.rejected, db.favourites, db.readingProgress, db.recents];
  const isForgotten = await db.transaction('rw', [...cleared, db.meta], async () => {
    // A photo not yet on the server exists only here, and no file export carries its image.
    if ((await db.mediaUploads.filter((row) => !row.isRefused).count()) > 0) return false;
    const hasWaiting = (await db.outbox.count()) > 0 || (await db.rejected.count()) > 0;
    if (hasWaiting && !(await isEverythingExported(db))) return false;
    for (const table of cleared) await table.clear();
    // Every meta key but the clock: session, device id, cursor, export marks, feedbackSent:*, attendanceExports:*.
    await db.meta.where('key').notEqual(META_KEYS.hlc).delete();
    return true;
  });
  // A workshop saved here and never confirmed left with the outbox (exported): no pull would
  // ever replace its local copy, so it goes too. Another database, hence after the transaction.
  if (isForgotten && catalogue) await forgetLocalWorkshops(catalogue);
  return isForgotten;
}
