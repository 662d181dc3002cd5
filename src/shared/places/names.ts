/**
 * Comparing place names the way people type them: without accents, case or extra spaces.
 * Only for comparing and searching; names are always shown as written, with their accents.
 */
import { foldText } from '../fold-text';

/** A place name folded for comparison: accents and case removed, spaces collapsed. */
export function foldPlaceName(name: string): string {
  return foldText(name)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two place names are the same once accents, case and spacing are set aside. */
export function isSamePlaceName(a: string, b: string): boolean {
  return foldPlaceName(a) === foldPlaceName(b);
}
