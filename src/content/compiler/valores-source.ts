/**
 * Reads `valores.yaml`, the one place where yearly values live: each key with its label, unit
 * and, per year, the amount and the norm that set it. Entries and templates cite them as
 * `{{valor:key}}` or `{{valor:key*factor}}`; an unknown key or a malformed token is a fault.
 */
import * as v from 'valibot';
import { findValorTokens, type ValorToken } from '../../shared/catalogue/valor-text';
import { VALOR_UNITS, type ValorData } from '../../shared/catalogue/valores';
import type { Fault } from './faults';
import { parseYamlWith } from './yaml-source';

/** The known values, by key. */
export type ValorTable = ReadonlyMap<string, ValorData>;

/** The file name, beside `entries/` and `templates/`. */
export const VALORES_FILE = 'valores.yaml';

const Amount = v.pipe(v.number('El monto debe ser un número.'), v.minValue(0, 'El monto no puede ser negativo.'));
const Year = v.strictObject({
  amount: Amount,
  source: v.pipe(v.string('Indique la norma que fija el valor.'), v.trim(), v.minLength(1, 'Indique la norma que fija el valor.'), v.maxLength(120)),
});
const Valor = v.strictObject({
  label: v.pipe(v.string('Indique cómo se escribe (p. ej. UIT).'), v.trim(), v.minLength(1), v.maxLength(40)),
  unit: v.picklist(VALOR_UNITS, `Unidad desconocida; use: ${VALOR_UNITS.join(', ')}.`),
  years: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\d{4}$/, 'Cada año se escribe con cuatro cifras.')), Year),
    v.check((years) => Object.keys(years).length > 0, 'Indique al menos un año.'),
  ),
});
const ValoresFile = v.record(v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Clave: minúsculas, números y guiones.')), Valor);

/** The table in `text` (the content of `file`), and its faults. An empty file is an empty table. */
export function parseValores(file: string, text: string): { table: ValorTable; faults: Fault[] } {
  const yaml = parseYamlWith(ValoresFile, text, file);
  const table = new Map<string, ValorData>();
  for (const [key, valor] of Object.entries(yaml.value ?? {})) {
    const years = Object.entries(valor.years)
      .map(([year, data]) => ({ year: Number(year), amount: data.amount, source: data.source }))
      .sort((a, b) => a.year - b.year);
    table.set(key, { key, label: valor.label, unit: valor.unit, years });
  }
  return { table, faults: yaml.faults };
}

/** A token checked against the table. */
export interface ResolvedToken extends ValorToken {
  data: ValorData;
}

/**
 * The tokens of one piece of text, checked: a `{{` that is not a well-formed token, or a key the
 * table lacks, is reported through `fault` with its offset in `text`.
 */
export function scanValorTokens(text: string, table: ValorTable, fault: (index: number, message: string) => void): ResolvedToken[] {
  const tokens = findValorTokens(text);
  const wellFormed = new Set(tokens.map((t) => t.index));
  for (const open of text.matchAll(/\{\{/g)) {
    if (wellFormed.has(open.index)) continue;
    const shown = text.slice(open.index, open.index + 40).split('\n')[0];
    fault(open.index, `Valor mal escrito «${shown}»: use {{valor:clave}} o {{valor:clave*8}} (factor decimal con punto).`);
  }
  const resolved: ResolvedToken[] = [];
  for (const token of tokens) {
    const data = table.get(token.key);
    if (data) resolved.push({ ...token, data });
    else fault(token.index, `Valor desconocido «${token.key}» en ${token.token}: las claves están en src/content/${VALORES_FILE} (${[...table.keys()].join(', ') || 'ninguna'}).`);
  }
  return resolved;
}
