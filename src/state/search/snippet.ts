import { foldAligned } from './fold-text';

/** A piece of a snippet; `isMatch` pieces are the words the query found. */
export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

const CONTEXT_BEFORE = 50;

function findFirstMatch(folded: string, terms: readonly string[]): { at: number; length: number } | null {
  let best: { at: number; length: number } | null = null;
  for (const term of terms) {
    if (!term) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'u');
    const found = pattern.exec(folded);
    if (!found) continue;
    const at = found.index + found[1]!.length;
    if (!best || at < best.at) best = { at, length: term.length };
  }
  return best;
}

/**
 * A short excerpt of `text` around the first word that starts with one of `terms` (folded
 * index terms), cut at word boundaries, with the match marked. Without a match, the start.
 */
export function makeSnippet(text: string, terms: readonly string[], maxLength = 160): SnippetPart[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const match = findFirstMatch(foldAligned(clean), terms);
  if (!match) return [{ text: clean.length > maxLength ? `${clean.slice(0, clean.lastIndexOf(' ', maxLength)).trimEnd()}…` : clean, isMatch: false }];
  let start = Math.max(0, match.at - CONTEXT_BEFORE);
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  if (start > match.at) start = match.at;
  let end = Math.min(clean.length, start + maxLength);
  if (end < clean.length) end = Math.max(match.at + match.length, clean.lastIndexOf(' ', end));
  // The whole matched word is marked, not only the typed prefix.
  let wordEnd = match.at + match.length;
  while (wordEnd < clean.length && /[\p{L}\p{N}]/u.test(clean[wordEnd]!)) wordEnd += 1;
  const parts: SnippetPart[] = [];
  const before = `${start > 0 ? '…' : ''}${clean.slice(start, match.at)}`;
  if (before) parts.push({ text: before, isMatch: false });
  parts.push({ text: clean.slice(match.at, wordEnd), isMatch: true });
  const after = `${clean.slice(wordEnd, Math.max(end, wordEnd))}${end < clean.length ? '…' : ''}`;
  if (after) parts.push({ text: after, isMatch: false });
  return parts;
}
