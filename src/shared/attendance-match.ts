/**
 * The same-person rule (DESIGN.md § Merge rules), one pure function for the device's warning and
 * local merge and for the server's merge: two records are the same person with the same document
 * (type and number), or the same folded name and entity — unless both carry documents and they
 * differ (two namesakes). A name that folds to nothing ("...") never matches by name.
 */
import { computeKeys, foldForMatch, type PersonKeys, type PersonMatchKeys } from './person-keys';

export { computeKeys, type PersonKeys, type PersonMatchKeys };

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

/*
 * The duplicate WARNING is fuzzier than the merge: it also catches the spellings a person makes
 * of one name (Condori/Condory, Huamán/Guamán/Waman, Quispe/Quispi, Ccori/Cori, Apaza/Apasa) and a
 * missing second surname or second given name, at the same entity. The server and the device
 * still merge only on `isSamePerson`: a merge that guessed wrong would lose a real person, a
 * warning that guessed wrong costs a glance.
 */

// Ordered rewrites of one folded word into how it sounds in Peruvian Spanish and Quechua/Aymara
// spellings. `ч` and `ш` stand for ch and sh while the silent h is dropped.
const SOUND_RULES: readonly (readonly [RegExp, string])[] = [
  [/ch/g, 'ч'], [/sh/g, 'ш'],
  [/^hu(?=[aeio])/g, 'w'], [/([aeiou])hu(?=[aeio])/g, '$1w'], [/^gu(?=[ao])/g, 'w'], [/([aeiou])gu(?=[ao])/g, '$1w'],
  [/gu(?=[ei])/g, 'g'], [/qu(?=[ei])/g, 'k'], [/g(?=[ei])/g, 'j'], [/x/g, 'j'],
  [/c(?=[ei])/g, 's'], [/[cqk]+/g, 'k'], [/z/g, 's'], [/v/g, 'b'], [/ll/g, 'y'], [/h/g, ''],
  [/y(?![aeiou])/g, 'i'], [/(.)\1+/g, '$1'],
];

/** How one folded word sounds: «Condory» and «Condori» → «kondori», «Huamán» and «Guamán» → «waman». */
export function soundOf(word: string): string {
  let sound = word;
  for (const [pattern, replacement] of SOUND_RULES) sound = sound.replace(pattern, replacement);
  return sound;
}

/** Quechua and Aymara write e/i and o/u either way (Quispe/Quispi): surnames compare without that difference. */
function looseVowels(sound: string): string {
  return sound.replace(/e/g, 'i').replace(/o/g, 'u');
}

const ENTITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  muni: 'municipalidad', munic: 'municipalidad', mun: 'municipalidad', md: 'municipalidad distrital', mp: 'municipalidad provincial',
  mdi: 'municipalidad distrital', mpal: 'municipalidad', dist: 'distrital', prov: 'provincial', gr: 'gobierno regional', gore: 'gobierno regional',
};
const ENTITY_FILLER = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y']);

/** The sound of an entity's name: abbreviations spelled out, little words dropped («Muni. Distrital de Ácora» → «munisipalidad distrital akora»). */
export function entitySound(entityName: string): string {
  return foldForMatch(entityName).split(' ').flatMap((word) => (ENTITY_ABBREVIATIONS[word] ?? word).split(' '))
    .filter((word) => word && !ENTITY_FILLER.has(word)).map(soundOf).join(' ');
}

/** The words of a name as they sound, first word exact, the others with loose vowels. */
function nameSounds(fullName: string): string[] {
  return foldForMatch(fullName).split(' ').filter(Boolean).map((word, i) => (i === 0 ? soundOf(word) : looseVowels(soundOf(word))));
}

/** Whether `short` is `long` with one or two words left out (never the first: that is the given name). */
function isShortened(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < 2 || long.length - short.length < 1 || long.length - short.length > 2 || short[0] !== long[0]) return false;
  let at = 0;
  for (const word of long) if (word === short[at]) at += 1;
  return at === short.length;
}

/** Whether two names' sounds may be one person's: the same sounds, or one missing a word or two. */
function isLikelySameSounds(sa: readonly string[], sb: readonly string[]): boolean {
  if (sa.length === 0 || sb.length === 0) return false;
  if (sa.length === sb.length) return sa.every((word, i) => word === sb[i]);
  return sa.length < sb.length ? isShortened(sa, sb) : isShortened(sb, sa);
}

/** Whether two names may be one person's, as typed by two people. */
export function isLikelySameName(a: string, b: string): boolean {
  return isLikelySameSounds(nameSounds(a), nameSounds(b));
}

/** What the warning compares, computed once per person (cache it per record where it counts). */
export interface Likeness {
  keys: PersonMatchKeys;
  name: readonly string[];
  entity: string;
}

/** The likeness of a person: the merge keys, the sounds of the name and of the entity. */
export function computeLikeness(person: PersonKeys): Likeness {
  return { keys: computeKeys(person), name: nameSounds(person.fullName), entity: entitySound(person.entityName) };
}

/** `isLikelySamePerson` on likenesses already computed. Symmetric. */
export function isLikelyMatch(a: Likeness, b: Likeness): boolean {
  if (isSameKeys(a.keys, b.keys)) return true;
  if (a.keys.doc && b.keys.doc) return false;
  return a.entity === b.entity && isLikelySameSounds(a.name, b.name);
}

/**
 * Whether the facilitador should be asked "¿es la misma persona?": the same person by the merge
 * rule, or a likely spelling of the same name at a likely spelling of the same entity. Two
 * different documents always say two people. Symmetric.
 */
export function isLikelySamePerson(a: PersonKeys, b: PersonKeys): boolean {
  return isLikelyMatch(computeLikeness(a), computeLikeness(b));
}

/**
 * How well a name is written: accents and ñ count, a capital at the start of each word after
 * small letters counts, ALL CAPS, all small letters and stray spaces count against. Used only to
 * choose between two spellings that fold to the same words.
 */
export function scoreSpelling(text: string): number {
  const marks = (text.normalize('NFD').match(/\p{M}/gu) ?? []).length;
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const wellCased = words.filter((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Ll}{1,3}$/u.test(w)).length;
  const shouting = words.filter((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}{2}/u.test(w)).length;
  const strayspace = text !== text.trim() || /\s{2,}/.test(text) ? 1 : 0;
  return marks * 2 + wellCased - shouting * 2 - strayspace;
}

/**
 * A merge of the same person keeps the better spelling of the name and of the entity: when the
 * stored and the incoming text fold to the same words (María/MARIA/Maria), the better written one
 * stays whichever is newer; otherwise the field's last writer stays. Order-independent, so the
 * server and every device reach the same record.
 */
export function keepBetterSpelling<T extends { fullName: string; entityName: string }>(merged: T, stored: T, incoming: Partial<T>): T {
  const result = { ...merged };
  for (const key of ['fullName', 'entityName'] as const) {
    const a = stored[key];
    const b = incoming[key];
    if (typeof b !== 'string' || a === b || foldForMatch(a) !== foldForMatch(b)) continue;
    const [sa, sb] = [scoreSpelling(a), scoreSpelling(b)];
    if (sa !== sb) (result as { fullName: string; entityName: string })[key] = sa > sb ? a : b;
  }
  return result;
}
