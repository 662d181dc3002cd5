import { useEffect } from 'preact/hooks';
import { MIN_QUERY_LENGTH, prepareSearch, runSearch, searchResults, searchStatus, searchTotal, SEARCH_PAGE, showMoreResults, type SearchResult } from '../../state/search-model';
import { CatalogueIcon } from './catalogue-icons';
import { kindLabel } from './catalogue-labels';
import { entryHref } from './entry-blocks';
import { t } from '../../shared/i18n/catalogue';
import { CardLink, KindTag } from './entry-card';

/** What the live region says about the results (announced once the person stops typing). */
function describeResults(query: string, results: SearchResult[] | null, total: number): string {
  if (!query.trim() || results === null) return '';
  if (results.length === 0) return t('catalogue.search.none', { query: query.trim() });
  if (total > results.length) return t('catalogue.search.some', { shown: results.length, count: total, query: query.trim() });
  if (results.length === 1) return t('catalogue.search.one', { query: query.trim() });
  return t('catalogue.search.many', { count: results.length, query: query.trim() });
}

function ResultItem({ result }: { result: SearchResult }) {
  return (
    <li>
      <CardLink href={entryHref(result.id)} title={result.title} tag={<KindTag icon="topic">{kindLabel(result.kind)}</KindTag>}>
        {result.snippet.map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </CardLink>
    </li>
  );
}

/**
 * The search box: the engine loads on first focus (its own chunk), each keystroke searches the
 * device's index, and a polite live region says how many results there are.
 */
export function SearchBox({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  const status = searchStatus.value;
  const results = query.trim().length >= MIN_QUERY_LENGTH ? searchResults.value : null;
  useEffect(() => {
    // A query kept in the address (a reload, the back button) searches again at once.
    if (query.trim()) void runSearch(query);
  }, []);
  const update = (value: string) => {
    onQuery(value);
    void runSearch(value);
  };
  return (
    <div class="catalogue-search">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="catalogue-search-input" class="catalogue-search__label">
          <CatalogueIcon name="search" />
          {t('catalogue.search.label')}
        </label>
        <input
          id="catalogue-search-input"
          type="search"
          value={query}
          autoComplete="off"
          spellcheck={false}
          enterKeyHint="search"
          aria-describedby="catalogue-search-hint"
          aria-controls="catalogue-search-results"
          onFocus={() => void prepareSearch()}
          onInput={(e) => update(e.currentTarget.value)}
        />
        <p id="catalogue-search-hint" class="catalogue-search__hint">
          {t('catalogue.search.hint')}
        </p>
      </form>
      {status === 'error' && (
        <p role="alert" class="note note--attention">
          {t('catalogue.search.error')}
        </p>
      )}
      <p role="status" aria-live="polite" class="catalogue-search__count">
        {status === 'loading' && query.trim().length >= MIN_QUERY_LENGTH ? t('catalogue.search.loading') : describeResults(query, results, searchTotal.value)}
      </p>
      <ul id="catalogue-search-results" class="entry-cards">
        {(results ?? []).map((result) => (
          <ResultItem key={result.id} result={result} />
        ))}
      </ul>
      {results !== null && searchTotal.value > results.length && (
        <button type="button" class="button button--secondary" onClick={() => void showMoreResults()}>
          {t('catalogue.search.more', { count: Math.min(SEARCH_PAGE, searchTotal.value - results.length) })}
        </button>
      )}
    </div>
  );
}
