/**
 * The one fold every comparison of typed Spanish text starts from: canonical decomposition, every
 * combining mark dropped, lower case ("Ñuñoa Ayacucho" → "nunoa ayacucho"). The catalogue search,
 * the same-person match (device and server) and place names each add only their own spacing and
 * punctuation rules on top, so they never disagree on accents.
 */

const MARKS = /\p{M}/gu;

/** Lower case without accents or other marks: "Autorización" → "autorizacion"; ñ becomes n. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}
