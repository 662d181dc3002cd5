/**
 * How the catalogue search reads Spanish: case and accents folded ("Música" = "musica"), and the
 * short words every text has (stop words) left out. Pure and small, so the index and the query
 * agree on every term, on the device and in tests.
 */
import { foldText } from '../../shared/fold-text';

/** Spanish words too common to search for, already folded (no accents). */
export const SPANISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a al algo algunas algunos ante antes asi aun cada como con contra cual cuando de del desde donde durante e el ella ellas ' +
    'ellos en entre era es esa esas ese eso esos esta estan estas este esto estos fue ha han hasta hay la las le les lo los ' +
    'mas me mi mis mucho muy nada ni no nos o otra otras otro otros para pero poco por porque que quien quienes se segun ser ' +
    'si sin sobre son su sus tambien te tiene tienen todo todos tu tus u un una unas uno unos y ya yo'
  ).split(' '),
);

// The fold itself is shared with the same-person match and place names (src/shared/fold-text).
export { foldText };

const foldedChars = new Map<string, string>();

/** The same fold, one character at a time, so positions in the folded text match the original. */
export function foldAligned(text: string): string {
  // Plain ASCII needs only lower case (most of a Spanish text); other characters are folded once and remembered.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      const candidate = foldText(char);
      folded = candidate.length === char.length ? candidate : char;
      foldedChars.set(char, folded);
    }
    out += folded;
  }
  return out;
}

/** True for a folded word the search ignores. */
export function isStopWord(folded: string): boolean {
  return SPANISH_STOP_WORDS.has(folded);
}

/** Index-time term processing: folded, and null (dropped) for stop words. */
export function processIndexTerm(term: string): string | null {
  const folded = foldText(term);
  return folded.length === 0 || isStopWord(folded) ? null : folded;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a query as the index knows them: folded, stop words out. The last word may be a
 * prefix being typed ("con" → "concierto"), so it stays when it is alone or follows a real word;
 * a query of stop words only ("de la") has no terms.
 */
export function readQueryTerms(query: string): string[] {
  const words = foldText(query).match(WORD) ?? [];
  const kept = words.filter((word) => !isStopWord(word));
  const last = words[words.length - 1];
  if (last && isStopWord(last) && (words.length === 1 || kept.length > 0)) kept.push(last);
  return kept;
}
