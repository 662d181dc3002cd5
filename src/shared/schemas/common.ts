import * as v from 'valibot';
import { stripBidiControls } from '../bidi';
import { isHlc } from '../hlc';
import { isUuid } from '../ids';

/** A UUID made on a device (UUIDv7 in practice; any version is accepted from old clients). */
export const Id = v.pipe(v.string(), v.check(isUuid, 'Identificador no válido.'));

/** A hybrid logical clock stamp. */
export const Hlc = v.pipe(v.string(), v.check(isHlc, 'Marca de tiempo no válida.'));

/** An ISO 8601 instant in UTC, as the device stores times. */
export const IsoInstant = v.pipe(
  v.string(),
  v.isoTimestamp('Fecha y hora no válidas.'),
);

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = v.pipe(v.string(), v.isoDate('Fecha no válida.'));

/** An INEI ubigeo: department (2 digits), province (4) or district (6). */
export const PlaceCode = v.pipe(v.string(), v.regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'Código de lugar (ubigeo) no válido.'));

/** Free text typed by a person: bidirectional controls dropped (src/shared/bidi.ts), trimmed, bounded. */
export const text = (max: number, label: string) =>
  v.pipe(v.string(), v.transform(stripBidiControls), v.trim(), v.maxLength(max, `${label}: como máximo ${max} caracteres.`));

/** Required free text: trimmed, not empty, bounded. */
export const requiredText = (max: number, label: string) =>
  v.pipe(text(max, label), v.minLength(1, `${label} es obligatorio.`));

export const ROLES = ['gestor', 'facilitador', 'coordinador'] as const;
export const Role = v.picklist(ROLES);
export type Role = v.InferOutput<typeof Role>;
