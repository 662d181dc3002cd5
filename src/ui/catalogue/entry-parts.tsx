import type { EntrySource, TocItem } from '../../shared/catalogue';
import { isSafeHttpsLink } from '../../shared/safe-link';
import type { EntryCard } from '../../state/catalogue-model';
import type { ComponentChildren } from 'preact';
import { BackLink, ScreenHeader } from '../shell/screen-header';
import { CatalogueIcon } from './catalogue-icons';
import { CardList, KindTag } from './entry-card';
import { entryHref } from './entry-blocks';
import { kindLabel } from './catalogue-labels';
import { t } from '../../shared/i18n/catalogue';

/** The table of contents: one link per heading, sub-headings indented. */
export function TableOfContents({ toc }: { toc: TocItem[] }) {
  if (toc.length === 0) return null;
  return (
    <nav class="entry-toc" aria-labelledby="entry-toc-title">
      <h2 id="entry-toc-title" class="entry-toc__title">
        {t('catalogue.reader.toc')}
      </h2>
      <ol>
        {toc.map((item) => (
          <li key={item.id} class={item.level === 3 ? 'entry-toc__sub' : undefined}>
            <a href={`#${item.id}`}>{item.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The norms an entry rests on: norm, title, detail and a link to the text when there is one. */
export function SourceList({ sources }: { sources: EntrySource[] }) {
  return (
    <section class="entry-sources" aria-labelledby="entry-sources-title">
      <h2 id="entry-sources-title">{t('catalogue.reader.sources')}</h2>
      <ul>
        {sources.map((source, i) => (
          <li key={i}>
            <CatalogueIcon name="source" />
            <div>
              <p class="entry-sources__norm">
                <strong>{source.norm}</strong> — {source.title}
              </p>
              {source.detail && <p class="entry-sources__detail">{source.detail}</p>}
              {source.url && isSafeHttpsLink(source.url) && (
                <a href={source.url} target="_blank" rel="noopener noreferrer" class="link-external entry-sources__link">
                  {t('catalogue.reader.sourceLink')}
                  <span class="visually-hidden">
                    {' '}
                    {source.norm} {t('catalogue.reader.newTab')}
                  </span>
                  <CatalogueIcon name="external" />
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A list of entry cards as links: title, kind (word + icon) and summary. */
export function EntryCardList({ cards, headingLevel = 3 }: { cards: EntryCard[]; headingLevel?: 2 | 3 }) {
  const asCard = (card: EntryCard) => ({
    id: card.id, href: entryHref(card.id), title: card.title, tag: <KindTag icon="topic">{kindLabel(card.kind)}</KindTag>, summary: card.summary,
  });
  return <CardList cards={cards.map(asCard)} titleAs={headingLevel === 2 ? 'h2' : 'h3'} />;
}

/** The link back to the catalogue home, first on every catalogue sub-screen. */
export function BackToCatalogue() {
  return <BackLink href="/catalogo" label={t('catalogue.back')} />;
}

/** A catalogue screen that has only something to say (loading, not on this phone): the way back, a title, the words. */
export function CatalogueNotice({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="screen">
      <BackToCatalogue />
      <ScreenHeader title={title} />
      {children}
    </section>
  );
}
