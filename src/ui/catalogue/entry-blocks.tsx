import type { Block, Inline } from '../../shared/catalogue';
import { formatValor, limaYear } from '../../shared/catalogue/valor-text';
import { isSafeHttpsLink } from '../../shared/safe-link';
import { CatalogueIcon, type CatalogueIconName } from './catalogue-icons';
import { t } from '../../shared/i18n/catalogue';

/**
 * The compiled body of an entry as Preact elements. Every value goes in as a text child, never
 * as markup (no dangerouslySetInnerHTML anywhere), so an entry cannot inject HTML or script.
 */

type CalloutKind = Extract<Block, { type: 'callout' }>['kind'];

const CALLOUT_ICONS: Record<CalloutKind, CatalogueIconName> = {
  IMPORTANTE: 'important',
  CONSEJO: 'tip',
  ATENCION: 'warning',
  NORMA: 'norm',
};

/** The address of an entry in the app. */
export function entryHref(id: string): string {
  return `/catalogo/${encodeURIComponent(id)}`;
}

function InlineView({ inline }: { inline: Inline }) {
  if (inline.type === 'code') return <code>{inline.value}</code>;
  if (inline.type === 'link') {
    const children = inline.children.map((child, i) => <InlineView key={i} inline={child} />);
    // `entrada:<id>` links stay inside the app: a plain same-origin href the router takes over.
    if (inline.internal) return <a href={entryHref(inline.internal)}>{children}</a>;
    if (!isSafeHttpsLink(inline.href)) return <span>{children}</span>;
    return (
      <a href={inline.href} target="_blank" rel="noopener noreferrer" class="link-external">
        {children}
        <span class="visually-hidden"> {t('catalogue.reader.newTab')}</span>
      </a>
    );
  }
  // A yearly value is shown for this phone's year in Lima, not the year the catalogue was built.
  let node = inline.type === 'valor' ? <span class="valor">{formatValor(inline.valor, inline.factor, limaYear())}</span> : <>{inline.value}</>;
  if (inline.em) node = <em>{node}</em>;
  if (inline.strong) node = <strong>{node}</strong>;
  return node;
}

/** A run of inline text. */
export function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) => (
        <InlineView key={i} inline={inline} />
      ))}
    </>
  );
}

function TableView({ block }: { block: Extract<Block, { type: 'table' }> }) {
  return (
    // A focusable, labelled scroller: a keyboard can scroll it and a phone swipes it sideways.
    <div class="entry-table" tabIndex={0} role="region" aria-label={t('catalogue.reader.tableHint')}>
      <table>
        <thead>
          <tr>
            {block.header.map((cell, i) => (
              <th key={i} scope="col">
                <Inlines inlines={cell} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>
                  <Inlines inlines={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each kind of callout takes the tone of the note that says the same (shell/screen-parts.css). */
const CALLOUT_TONES: Record<CalloutKind, string> = {
  IMPORTANTE: 'note--pending',
  ATENCION: 'note--attention',
  CONSEJO: 'note--done',
  NORMA: '',
};

function CalloutView({ block }: { block: Extract<Block, { type: 'callout' }> }) {
  return (
    <aside class={[`callout callout--${block.kind.toLowerCase()}`, CALLOUT_TONES[block.kind]].filter(Boolean).join(' ')}>
      <p class="callout__label">
        <CatalogueIcon name={CALLOUT_ICONS[block.kind]} />
        <span>{t(`catalogue.callout.${block.kind}`)}</span>
      </p>
      <Blocks blocks={block.blocks} />
    </aside>
  );
}

/** One block of the body. */
export function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const Tag = block.level === 2 ? 'h2' : 'h3';
      return (
        <Tag id={block.id} class="entry-heading" tabIndex={-1}>
          <Inlines inlines={block.text} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p class="entry-paragraph">
          <Inlines inlines={block.inlines} />
        </p>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List class="entry-list">
          {block.items.map((item, i) => (
            <li key={i}>
              <Blocks blocks={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'table':
      return <TableView block={block} />;
    case 'callout':
      return <CalloutView block={block} />;
  }
}

/** A list of blocks. */
export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </>
  );
}
