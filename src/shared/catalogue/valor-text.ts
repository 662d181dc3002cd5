/**
 * Reading and showing yearly values (`{{valor:uit*8}}`) without valibot, so the reader and the
 * checklist screens can use it without loading the schemas.
 */
import type { DatedItemText } from './template';
import type { ValorData, ValorYear } from './valores';

/**
 * `{{valor:uit}}` or `{{valor:uit*8}}` (a decimal factor uses a dot: `{{valor:uit*0.5}}`).
 * Anything else between `{{` and `}}` is a fault the compiler reports.
 */
export const VALOR_TOKEN = /\{\{valor:([a-z0-9]+(?:-[a-z0-9]+)*)(?:\*(\d+(?:\.\d+)?))?\}\}/g;

/** A token read from text: which value and by how much it is multiplied. */
export interface ValorToken {
  token: string;
  key: string;
  factor: number;
  index: number;
}

/** Every well-formed token in `text`, in order. */
export function findValorTokens(text: string): ValorToken[] {
  return [...text.matchAll(VALOR_TOKEN)].map((m) => ({ token: m[0], key: m[1] ?? '', factor: m[2] ? Number(m[2]) : 1, index: m.index }));
}

/** The year shown: the latest not after `year`; before the first known year, the first. */
export function pickValorYear(data: ValorData, year: number): ValorYear {
  const sorted = [...data.years].sort((a, b) => a.year - b.year);
  let picked = sorted[0] as ValorYear;
  for (const candidate of sorted) if (candidate.year <= year) picked = candidate;
  return picked;
}

/** «44 000» or «2 675,50»: Peruvian norms group thousands with a space and use a decimal comma. */
export function formatAmount(amount: number): string {
  const cents = Math.round(amount * 100);
  const whole = Math.trunc(cents / 100);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const rest = cents % 100;
  return rest === 0 ? grouped : `${grouped},${String(rest).padStart(2, '0')}`;
}

/** «S/ 44 000 (8 UIT de 2026, DS 301-2025-EF)» for the value as of `year`. */
export function formatValor(data: ValorData, factor: number, year: number): string {
  const picked = pickValorYear(data, year);
  const amount = data.unit === 'soles' ? `S/\u00a0${formatAmount(picked.amount * factor)}` : formatAmount(picked.amount * factor);
  const times = factor === 1 ? '' : `${String(factor).replace('.', ',')} `;
  return `${amount} (${times}${data.label} de ${picked.year}, ${picked.source})`;
}

/** `text` with every token replaced by its value as of `year`; unknown keys are left as written. */
export function resolveValorText(text: string, valores: readonly ValorData[] | undefined, year: number): string {
  if (!valores || valores.length === 0) return text;
  const byKey = new Map(valores.map((data) => [data.key, data]));
  return text.replace(VALOR_TOKEN, (whole, key: string, factor: string | undefined) => {
    const data = byKey.get(key);
    return data ? formatValor(data, factor ? Number(factor) : 1, year) : whole;
  });
}

/** The calendar year in Lima (UTC−5 all year) at `now`. */
export function limaYear(now: number | Date = Date.now()): number {
  return new Date(new Date(now).getTime() - 5 * 60 * 60 * 1000).getUTCFullYear();
}

/** A checklist item's text and hint as of `year`: from its dated form when it has one, else as built. */
export function resolveItemText(
  item: { text: string; hint?: string | undefined; dated?: DatedItemText | undefined },
  year: number,
): { text: string; hint?: string } {
  const { dated } = item;
  if (!dated) return item.hint === undefined ? { text: item.text } : { text: item.text, hint: item.hint };
  const text = resolveValorText(dated.text, dated.valores, year);
  return dated.hint === undefined ? { text } : { text, hint: resolveValorText(dated.hint, dated.valores, year) };
}
