/**
 * A person's match keys as plain functions, apart from the attendance schema and the same-person
 * rules: the device's database computes them on every write and in its v3 upgrade, and must not
 * load valibot or the fuzzy warning for it (#12: the catalogue's screens open that database). The
 * schema and attendance-match re-export them.
 */
import type { AttendancePerson } from './schemas/attendance';
import { foldText } from './fold-text';

/**
 * Folds text for matching people: accents, case, punctuation and runs of spaces do not count
 * ("José  PÉREZ." = "jose perez"). The device's duplicate warning and the server's merge use it.
 */
export function foldForMatch(value: string): string {
  return foldText(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The document key of a person (`dni:12345678`), or undefined without both type and number. */
export function makeDocumentKey(person: Partial<Pick<AttendancePerson, 'documentType' | 'documentNumber'>>): string | undefined {
  const number = person.documentNumber?.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  if (!person.documentType || !number) return undefined;
  return `${person.documentType}:${number}`;
}

/** The name key of a person: folded full name and entity name (`jose perez|municipalidad de ayacucho`). */
export function makeNameKey(person: Pick<AttendancePerson, 'fullName' | 'entityName'>): string {
  return `${foldForMatch(person.fullName)}|${foldForMatch(person.entityName)}`;
}

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
