/**
 * Comparing place names the way people type them: without accents, case or extra spaces.
 * Only for comparing and searching; names are always shown as written, with their accents.
 */

/** A place name folded for comparison: accents and case removed, spaces collapsed. */
export function foldPlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two place names are the same once accents, case and spacing are set aside. */
export function isSamePlaceName(a: string, b: string): boolean {
  return foldPlaceName(a) === foldPlaceName(b);
}
