/**
 * Yearly values in checklist items: `text` and `hint` are resolved for the build's year (what an
 * app that predates `dated` shows), and `dated` keeps the written tokens and their data so the
 * phone shows the amount for its own year.
 */
import type { TemplateItem } from '../../shared/catalogue/template';
import { resolveValorText } from '../../shared/catalogue/valor-text';
import type { ValorData } from '../../shared/catalogue/valores';
import { scanValorTokens, type ValorTable } from './valores-source';

type SourceItem = Omit<TemplateItem, 'dated'>;

/** The item with its values resolved and `dated` set when it cites any; faults go to `fault`. */
export function dateItem(
  item: SourceItem,
  valores: { table: ValorTable; year: number },
  fault: (field: 'text' | 'hint', message: string) => void,
): TemplateItem {
  const used = new Map<string, ValorData>();
  for (const field of ['text', 'hint'] as const) {
    const text = item[field];
    if (text === undefined) continue;
    for (const token of scanValorTokens(text, valores.table, (_at, message) => fault(field, message))) used.set(token.key, token.data);
  }
  if (used.size === 0) return item;
  const data = [...used.values()];
  const dated = { text: item.text, ...(item.hint !== undefined ? { hint: item.hint } : {}), valores: data };
  const text = resolveValorText(item.text, data, valores.year);
  return item.hint === undefined ? { ...item, text, dated } : { ...item, text, hint: resolveValorText(item.hint, data, valores.year), dated };
}
