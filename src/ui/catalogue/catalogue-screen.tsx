import { useLocation } from 'preact-iso';
import { useSignal } from '@preact/signals';
import {
  countByTopic,
  entryCards,
  filterEntries,
  hasFilter,
  listTags,
  templateCards,
  type CatalogueFilter,
  type EntryCard,
} from '../../state/catalogue-model';
import { favouriteIds, recentIds } from '../../state/reading-model';
import { NamedSection } from '../shell/named-section';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { countLabel, TOPICS, topicLabel } from './catalogue-labels';
import { CatalogueFilters } from './catalogue-filters';
import { CardList, KindTag } from './entry-card';
import { EntryCardList } from './entry-parts';
import { SearchBox } from './search-box';
import './catalogue.css';
import { t, tn } from '../../shared/i18n/catalogue';

/** The address parameters that hold the home's state, so a reload or a shared link keeps it. */
const PARAMS: Record<keyof CatalogueFilter, string> = { topic: 'tema', kind: 'tipo', level: 'nivel', tag: 'etiqueta' };

function readFilter(query: Record<string, string>): CatalogueFilter {
  const filter: CatalogueFilter = {};
  for (const [field, param] of Object.entries(PARAMS) as Array<[keyof CatalogueFilter, string]>) if (query[param]) filter[field] = query[param];
  return filter;
}

function makeHomeUrl(filter: CatalogueFilter, search: string): string {
  const params = new URLSearchParams();
  for (const [field, param] of Object.entries(PARAMS) as Array<[keyof CatalogueFilter, string]>) if (filter[field]) params.set(param, filter[field]!);
  if (search.trim()) params.set('q', search);
  const text = params.toString();
  return text ? `/catalogo?${text}` : '/catalogo';
}

function TopicList({ cards }: { cards: EntryCard[] }) {
  const counts = countByTopic(cards);
  return (
    <NamedSection id="catalogue-topics" title={t('catalogue.topics')}>
      <ul class="link-list link-list--compact">
        {TOPICS.map((topic) => (
          <li key={topic}>
            <a href={`/catalogo?${PARAMS.topic}=${topic}`}>
              <span class="topic-list__name">{topicLabel(topic)}</span>
              <span class="visually-hidden">,</span>{' '}
              <span class="topic-list__count">{countLabel(counts.get(topic) ?? 0)}</span>
              <Icon name="chevron" />
            </a>
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}

function PickedEntries({ id, title, ids, cards, empty }: { id: string; title: string; ids: string[]; cards: EntryCard[]; empty?: string }) {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const picked = ids.map((entryId) => byId.get(entryId)).filter((card): card is EntryCard => card !== undefined);
  if (picked.length === 0 && !empty) return null;
  return (
    <NamedSection id={id} title={title}>
      {picked.length > 0 ? <EntryCardList cards={picked} /> : <p class="note">{empty}</p>}
    </NamedSection>
  );
}

function TemplateList() {
  const templates = templateCards.value ?? [];
  if (templates.length === 0) return null;
  const cards = templates.map((template) => ({
    id: template.id,
    href: `/catalogo/plantillas/${encodeURIComponent(template.id)}`,
    title: template.title,
    tag: <KindTag icon="checklist">{tn('catalogue.templates.items', template.itemCount)}</KindTag>,
    summary: template.summary,
  }));
  return (
    <NamedSection id="catalogue-templates" title={t('catalogue.templates')}>
      <CardList cards={cards} titleAs="h3" />
    </NamedSection>
  );
}

function FilteredEntries({ cards, filter }: { cards: EntryCard[]; filter: CatalogueFilter }) {
  const matches = filterEntries(cards, filter);
  return (
    <NamedSection id="catalogue-filtered" title={filter.topic && Object.keys(filter).length === 1 ? topicLabel(filter.topic) : t('catalogue.filters')}>
      <p role="status">{matches.length > 0 ? t('catalogue.filter.results', { count: matches.length }) : t('catalogue.filter.none')}</p>
      <EntryCardList cards={matches} />
      <a class="button button--secondary" href="/catalogo">
        {t('catalogue.filter.clear')}
      </a>
    </NamedSection>
  );
}

function EmptyCatalogue() {
  return (
    <div class="card">
      <Icon name="offline" className="icon--large" />
      <h2>{t('catalogue.empty.title')}</h2>
      <p>{t('catalogue.empty.body')}</p>
    </div>
  );
}

/** Catálogo: search, filters, topics with counts, favourites, recents and checklist templates. */
export function CatalogueScreen() {
  const { query, route } = useLocation();
  const filter = readFilter(query);
  const search = useSignal(query.q ?? '');
  const cards = entryCards.value;
  const go = (next: CatalogueFilter, text = search.value) => route(makeHomeUrl(next, text), true);
  const onQuery = (text: string) => {
    search.value = text;
    // The typed words stay in the address (replaced, not pushed): a reload keeps them.
    history.replaceState(history.state, '', makeHomeUrl(filter, text));
  };
  return (
    <section class="screen catalogue">
      <ScreenHeader title={t('catalogue.title')} />
      <p>{t('catalogue.intro')}</p>
      {cards === undefined && <p role="status">{t('catalogue.loading')}</p>}
      {cards?.length === 0 && <EmptyCatalogue />}
      {cards && cards.length > 0 && (
        <>
          <SearchBox query={search.value} onQuery={onQuery} />
          {!search.value.trim() && (
            <>
              <CatalogueFilters filter={filter} tags={listTags(cards)} onChange={(next) => go(next)} />
              {hasFilter(filter) ? (
                <FilteredEntries cards={cards} filter={filter} />
              ) : (
                <>
                  <TopicList cards={cards} />
                  <PickedEntries id="catalogue-favourites" title={t('catalogue.favourites')} ids={favouriteIds.value} cards={cards} empty={t('catalogue.favourites.empty')} />
                  <PickedEntries id="catalogue-recents" title={t('catalogue.recents')} ids={recentIds.value} cards={cards} />
                  <TemplateList />
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
