import type { MutationName } from '../shared/mutations';
import type { CatalogueDb } from './catalogue-db';
import { CATALOGUE_CURSOR_KEY } from './catalogue-meta-store';
import { META_KEYS, writeMeta } from './meta-store';
import type { UserDb } from './user-db';

/**
 * Undoing a change the server refused (issue 9, «two phones never silently disagree»). The
 * mutation's local effect already showed it on this device; the server holds something else.
 * The device drops its copy of the record the change touched and pulls that scope again from
 * the start, so the record comes back exactly as the server holds it (or stays gone when the
 * server never had it). The refused change itself is kept in «Requiere atención», never lost.
 *
 * `user`: the record lives in the user database (dropped in the push's own transaction, which
 * must cover `UNDO_TABLES`); `catalogue`: a workshop shown before the server confirmed it;
 * `none`: nothing to undo (only a flag or a log on this device).
 */
type Undo =
  | { scope: 'user'; drop(db: UserDb, args: Record<string, unknown>): Promise<unknown> }
  | { scope: 'catalogue'; drop(db: CatalogueDb, args: Record<string, unknown>): Promise<unknown> }
  | { scope: 'none' };

/** The user tables a drop may touch: the push's settle transaction opens them all. */
export const UNDO_TABLES = ['events', 'checklistRuns', 'checklistItems', 'attendance', 'attendanceProposals', 'certificates', 'photos', 'mediaUploads', 'meta'] as const;

const id = (args: Record<string, unknown>): string => String(args['id']);

/** Total over the contract: a new mutation fails `tsc` until it says how it is undone. */
const UNDO: { [N in MutationName]: Undo } = {
  'event.save': { scope: 'user', drop: (db, args) => db.events.delete(id(args)) },
  'event.archive': { scope: 'user', drop: (db, args) => db.events.delete(id(args)) },
  'checklist.start': { scope: 'user', drop: (db, args) => db.checklistRuns.delete(String(args['runId'])) },
  'checklist.setItem': { scope: 'user', drop: (db, args) => db.checklistItems.delete([String(args['runId']), String(args['itemId'])]) },
  'checklist.addItem': { scope: 'user', drop: (db, args) => db.checklistRuns.delete(String(args['runId'])) },
  // Photos (#13): a refused photo leaves the item and its upload queue (the refusal, with its data,
  // stays in «Requiere atención»); a refused removal brings the photo back by the pull from the start.
  'checklist.attachPhoto': { scope: 'user', drop: async (db, args) => { await db.photos.delete(String(args['photoId'])); await db.mediaUploads.delete(String(args['photoId'])); } },
  'checklist.removePhoto': { scope: 'user', drop: (db, args) => db.photos.delete(String(args['photoId'])) },
  'workshop.save': { scope: 'catalogue', drop: (db, args) => db.workshops.delete(id(args)) },
  // A registration may have been merged locally into an earlier record: drop that one too.
  'attendance.register': {
    scope: 'user',
    drop: (db, args) => db.attendance.where('workshopId').equals(String(args['workshopId'])).filter((row) => row.id === id(args) || row.mergedIds.includes(id(args))).delete(),
  },
  'attendance.update': { scope: 'user', drop: (db, args) => db.attendance.delete(id(args)) },
  // Both records come back as the server holds them.
  'attendance.merge': { scope: 'user', drop: (db, args) => db.attendance.bulkDelete([String(args['keepId']), String(args['mergeId'])]) },
  'attendance.remove': { scope: 'user', drop: (db, args) => db.attendance.delete(id(args)) },
  'attendance.export': { scope: 'none' },
  // Closing one removed it here: the pull from the start brings it back if the server keeps it open.
  'attendance.closeProposal': { scope: 'user', drop: (db, args) => db.attendanceProposals.delete(id(args)) },
  // The device keeps no copy of an opinion, only that it sent one; the refusal is shown instead.
  'feedback.submit': { scope: 'none' },
  // A refused constancia (code taken, already issued from another phone) leaves; the pull brings the server's.
  'certificate.issue': { scope: 'user', drop: (db, args) => db.certificates.delete(id(args)) },
  'certificate.revoke': { scope: 'user', drop: (db, args) => db.certificates.delete(id(args)) },
};

function undoOf(name: string): Undo {
  return (UNDO as Record<string, Undo | undefined>)[name] ?? { scope: 'none' };
}

const asArgs = (args: unknown): Record<string, unknown> => (args && typeof args === 'object' ? (args as Record<string, unknown>) : {});

/**
 * Drops the user-database records of refused changes and rewinds the user cursor so the next
 * pull brings them back from the server. Call inside a transaction covering `UNDO_TABLES`.
 * Returns whether the catalogue must be undone too (`undoRefusedInCatalogue`).
 */
export async function undoRefusedInUser(db: UserDb, refused: readonly { name: string; args: unknown }[]): Promise<boolean> {
  let rewind = false;
  let catalogue = false;
  for (const change of refused) {
    const undo = undoOf(change.name);
    if (undo.scope === 'user') {
      await undo.drop(db, asArgs(change.args));
      rewind = true;
    } else if (undo.scope === 'catalogue') catalogue = true;
  }
  if (rewind) await writeMeta(db.meta, META_KEYS.userCursor, 0);
  return catalogue;
}

/** The catalogue side: drops workshops shown before a refused save and rewinds the catalogue cursor. */
export async function undoRefusedInCatalogue(db: CatalogueDb, refused: readonly { name: string; args: unknown }[]): Promise<void> {
  await db.transaction('rw', db.workshops, db.meta, async () => {
    for (const change of refused) {
      const undo = undoOf(change.name);
      if (undo.scope === 'catalogue') await undo.drop(db, asArgs(change.args));
    }
    await db.meta.put({ key: CATALOGUE_CURSOR_KEY, value: 0 });
  });
}
