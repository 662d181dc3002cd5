/**
 * Yearly value tokens in Markdown. Before marked reads a body, each `{{valor:…}}` becomes a
 * placeholder of private-use characters (marked would read the `*` of `uit*8` as emphasis);
 * the inline walk turns each placeholder back into a `valor` node.
 */
import type { Inline } from '../../shared/catalogue/entry';
import { formatValor } from '../../shared/catalogue/valor-text';
import type { Fault } from './faults';
import { scanValorTokens, type ResolvedToken, type ValorTable } from './valores-source';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** The body with placeholders, its tokens (placeholder n is tokens[n]) and the faults found. */
export interface ProtectedBody {
  source: string;
  tokens: ResolvedToken[];
  faults: Fault[];
}

/** Replaces every known token of `markdown` (first line `firstLine` of `file`) with a placeholder. */
export function protectValorTokens(markdown: string, table: ValorTable, file: string, firstLine: number): ProtectedBody {
  const tokens: ResolvedToken[] = [];
  const faults: Fault[] = [];
  const lines = markdown.split('\n').map((line, i) => {
    const found = scanValorTokens(line, table, (_at, message) => faults.push({ file, line: firstLine + i, message }));
    let out = line;
    for (const token of [...found].reverse()) {
      const n = tokens.length + found.indexOf(token);
      out = `${out.slice(0, token.index)}${OPEN}${n}${CLOSE}${out.slice(token.index + token.token.length)}`;
    }
    tokens.push(...found);
    return out;
  });
  return { source: lines.join('\n'), tokens, faults };
}

/** Whether `text` holds a placeholder. */
export function hasPlaceholder(text: string): boolean {
  return text.includes(OPEN);
}

/** Text with placeholders split into text and `valor` nodes carrying the marks of the run. */
export function expandPlaceholders(
  text: string,
  tokens: readonly ResolvedToken[],
  year: number,
  marks: { strong?: true; em?: true },
): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index), ...marks });
    const token = tokens[Number(match[1])];
    if (token) out.push({ type: 'valor', value: formatValor(token.data, token.factor, year), factor: token.factor, valor: token.data, ...marks });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last), ...marks });
  return out;
}

/** Text with placeholders put back as the tokens the author wrote (for inline code). */
export function restoreTokens(text: string, tokens: readonly ResolvedToken[]): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => tokens[Number(n)]?.token ?? whole);
}
