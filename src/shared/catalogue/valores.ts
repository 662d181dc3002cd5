/**
 * Yearly values (the UIT and any other amount that moves each year), kept as dated data in
 * `src/content/valores.yaml` and written in content as `{{valor:uit}}` or `{{valor:uit*8}}`.
 * The compiler copies each used value, with all its years, into the entry or item that uses it,
 * so a phone offline in January already shows the new year's amount without a new pull.
 */
import * as v from 'valibot';

/** The units a value may be in; only soles today. */
export const VALOR_UNITS = ['soles'] as const;

/** One year of a value: the amount and the norm that set it. */
export const ValorYear = v.strictObject({
  year: v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2200)),
  amount: v.pipe(v.number(), v.minValue(0)),
  source: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
});
export type ValorYear = v.InferOutput<typeof ValorYear>;

/** A yearly value with every year known, oldest first. */
export const ValorData = v.strictObject({
  key: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  /** How it is written after the factor: "UIT" in «8 UIT de 2026». */
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  unit: v.picklist(VALOR_UNITS),
  years: v.pipe(v.array(ValorYear), v.minLength(1)),
});
export type ValorData = v.InferOutput<typeof ValorData>;
