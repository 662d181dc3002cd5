/**
 * An entry's plain text, the one function the compiler and the device both use: the compiler
 * stores it as `searchText`; a device that pulls entries lean (#12: the first catalogue download
 * under 150 KiB) derives the same text from the body it already has, instead of downloading it twice.
 */
import type { Block, Entry, Inline } from './entry';

/** The plain text of inlines (for the table of contents and the search index). */
export function toPlainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'link' ? toPlainText(i.children) : i.value)).join('');
}

/** The plain text of one block, its lists, table rows and callouts included. */
export function toBlockText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return toPlainText(block.text);
    case 'paragraph':
      return toPlainText(block.inlines);
    case 'list':
      return block.items.map((item) => item.map(toBlockText).join('\n')).join('\n');
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map(toPlainText).join(' · ')).join('\n');
    case 'callout':
      return block.blocks.map(toBlockText).join('\n');
  }
}

/** An entry's `searchText`: title, summary and the body's plain text, one per line. */
export function deriveSearchText(entry: Pick<Entry, 'title' | 'summary' | 'body'>): string {
  return [entry.title, entry.summary, entry.body.map(toBlockText).join('\n')].join('\n');
}
