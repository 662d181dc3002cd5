import * as v from 'valibot';
import { stripBidiControls } from '../bidi';
import { isHlc } from '../hlc';
import { isUuid } from '../ids';

/**
 * Building blocks of every mutation's args. Device and server refuse the same values with the
 * same Spanish reason, and they refuse what either database could not store: SQLite keeps a NUL
 * or a year 0000 that PostgreSQL refuses, and a value one engine stores and the other refuses
 * must be one refused mutation on both, never a failed batch on one.
 */

/** What a person reads when a text carries U+0000 (PostgreSQL cannot store it in text). */
export const NUL_MESSAGE = 'El texto contiene un carácter no permitido (carácter nulo); bórrelo y escríbalo otra vez.';

/** Whether `value` holds no NUL character. */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/**
 * What a person reads when a text carries half of a character (a lone UTF-16 surrogate, left
 * by a broken copy and paste or a cut emoji). Neither engine stores it as it came, and they
 * differ: PostgreSQL's driver writes one «�», SQLite three.
 */
export const BROKEN_CHARACTER_MESSAGE = 'El texto contiene un carácter dañado (quizá al copiar y pegar); bórrelo y escríbalo otra vez.';

/** With the `u` flag, `\p{Cs}` matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether every character of `value` is whole: no lone surrogate. */
export function hasNoBrokenCharacter(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Any string the server may store as it came: no NUL, no half character. */
export const StorableString = v.pipe(v.string(), v.check(hasNoNul, NUL_MESSAGE), v.check(hasNoBrokenCharacter, BROKEN_CHARACTER_MESSAGE));

/** A UUID made on a device (UUIDv7 in practice; any version is accepted from old clients). */
export const Id = v.pipe(v.string(), v.check(isUuid, 'Identificador no válido.'));

/** A hybrid logical clock stamp. */
export const Hlc = v.pipe(v.string(), v.check(isHlc, 'Marca de tiempo no válida.'));

/** Years a date may fall in: anything else is a typo or a phone clock reset (year 0000, 9999). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/;

/** Whether the `YYYY-MM-DD` at the start of `value` is a real calendar day within the years above (no 30 February). */
export function isRealDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether an ISO timestamp names a real instant: a real day, and a form Date.parse reads. */
export function isRealInstant(value: string): boolean {
  return isRealDay(value) && Number.isFinite(Date.parse(value));
}

const DATE_RANGE_MESSAGE = `debe ser un día que existe, entre los años ${MIN_YEAR} y ${MAX_YEAR}.`;

/** An ISO 8601 instant (UTC as the device writes it, or with an offset). Compare with `isNotBefore`, never as text. */
export const IsoInstant = v.pipe(
  v.string(),
  v.isoTimestamp('Fecha y hora no válidas.'),
  v.check(isRealInstant, `Fecha y hora no válidas: ${DATE_RANGE_MESSAGE}`),
);

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = v.pipe(v.string(), v.isoDate('Fecha no válida.'), v.check(isRealDay, `Fecha no válida: ${DATE_RANGE_MESSAGE}`));

/** Whether instant `later` is at or after `earlier`, as times (offsets count), not as text. */
export function isNotBefore(later: string, earlier: string): boolean {
  return Date.parse(later) >= Date.parse(earlier);
}

/** The largest value of a PostgreSQL `integer` (int4) column, which SQLite would not enforce. */
export const MAX_INT4 = 2_147_483_647;

/** An INEI ubigeo: department (2 digits), province (4) or district (6). */
export const PlaceCode = v.pipe(v.string(), v.regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'Código de lugar (ubigeo) no válido.'));

/** Free text typed by a person: storable, bidirectional controls dropped (src/shared/bidi.ts), trimmed, bounded. */
export const text = (max: number, label: string) =>
  v.pipe(StorableString, v.transform(stripBidiControls), v.trim(), v.maxLength(max, `${label}: como máximo ${max} caracteres.`));

/** Required free text: trimmed, not empty, bounded. */
export const requiredText = (max: number, label: string) =>
  v.pipe(text(max, label), v.minLength(1, `${label} es obligatorio.`));

export const ROLES = ['gestor', 'facilitador', 'coordinador'] as const;
export const Role = v.picklist(ROLES);
export type Role = v.InferOutput<typeof Role>;
