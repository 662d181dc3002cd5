/**
 * The same-person rule (DESIGN.md § Merge rules), one pure function for the device's warning and
 * local merge and for the server's merge: two records are the same person with the same document
 * (type and number), or the same folded name and entity — unless both carry documents and they
 * differ (two namesakes). A name that folds to nothing ("...") never matches by name.
 */
import { foldForMatch, makeDocumentKey, makeNameKey, type AttendancePerson } from './schemas/attendance';

/** The parts of a person that say "this is the same person". */
export type PersonKeys = Pick<AttendancePerson, 'fullName' | 'entityName'> & Partial<Pick<AttendancePerson, 'documentType' | 'documentNumber'>>;

/** A person's match keys: the document key (`dni:…`) and the folded `name|entity` key; each absent when it cannot match. */
export interface PersonMatchKeys {
  doc: string | undefined;
  name: string | undefined;
}

/** The match keys of a person (folding the name is the costly part: cache them per record where it counts). */
export function computeKeys(person: PersonKeys): PersonMatchKeys {
  return { doc: makeDocumentKey(person), name: foldForMatch(person.fullName) === '' ? undefined : makeNameKey(person) };
}

/** Whether two sets of match keys belong to the same person. Symmetric. */
export function isSameKeys(a: PersonMatchKeys, b: PersonMatchKeys): boolean {
  if (a.doc && a.doc === b.doc) return true;
  if (a.doc && b.doc) return false;
  return a.name !== undefined && a.name === b.name;
}

/** Whether two people are the same for the RED. */
export function isSamePerson(a: PersonKeys, b: PersonKeys): boolean {
  return isSameKeys(computeKeys(a), computeKeys(b));
}
