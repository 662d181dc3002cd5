/**
 * The last national report this device received, kept in the user database's meta table so
 * the Panorama de la RED opens offline with its date. One report (the last asked), replaced on
 * every successful request; it goes with the rest of the user database at sign-out.
 */
import type { NationalReport } from '../shared/schemas/national-report';
import { readMeta, writeMeta } from './meta-store';
import type { UserDb } from './user-db';

const KEY = 'report:national';

/** The saved report, or undefined before the first one arrived. Works offline. */
export function readSavedNationalReport(db: UserDb): Promise<NationalReport | undefined> {
  return readMeta<NationalReport>(db.meta, KEY);
}

/** Keeps `report` as the last one. */
export function saveNationalReport(db: UserDb, report: NationalReport): Promise<void> {
  return writeMeta(db.meta, KEY, report);
}
