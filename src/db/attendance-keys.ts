/**
 * An attendance row's match keys, apart from the attendance store: the user database's v3 upgrade
 * needs them, and the catalogue's screens open that database without loading the attendance code
 * or its schemas (#12).
 */
import { computeKeys, type PersonKeys } from '../shared/person-keys';
import type { LocalAttendance } from './attendance-store';

/**
 * The row with its indexed match keys (`[workshopId+nameKey]`, `[workshopId+docKey]`), set on
 * every write, local or pulled, so looking up the same person reads two index entries.
 */
export function withMatchKeys<R extends { person: PersonKeys }>(row: R): R & Pick<LocalAttendance, 'nameKey' | 'docKey'> {
  const { nameKey: _name, docKey: _doc, ...rest } = row as R & Pick<LocalAttendance, 'nameKey' | 'docKey'>;
  const keys = computeKeys(row.person);
  return { ...(rest as R), ...(keys.name !== undefined ? { nameKey: keys.name } : {}), ...(keys.doc ? { docKey: keys.doc } : {}) };
}
