/**
 * The catalogue's full-text index (MiniSearch). This module is loaded with `import()` the first
 * time the search box is focused, so its weight never sits on the first screen. Everything runs
 * on the device: offline, search answers from the index kept in IndexedDB.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { foldText, processIndexTerm, readQueryTerms } from './fold-text';

/** What the index needs of an entry. */
export interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  tags: readonly string[];
  /** Plain text of the entry (the compiled `searchText`). */
  searchText: string;
  kind: string;
}

/** One hit: the entry id, its score and the index terms it matched (for the snippet). */
export interface SearchHit {
  id: string;
  score: number;
  terms: string[];
  title: string;
  kind: string;
}

/** The index as the search model holds it. */
export type CatalogueIndex = MiniSearch<SearchDoc>;

const FIELDS = ['title', 'summary', 'tags', 'searchText'];

/** Index options: the same on build and load, or a loaded index would read terms differently. */
const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: FIELDS,
  storeFields: ['title', 'kind'],
  processTerm: processIndexTerm,
  extractField: (doc, field) => {
    const value = (doc as unknown as Record<string, unknown>)[field];
    return Array.isArray(value) ? value.map((tag: string) => tag.replace(/-/g, ' ')).join(' ') : (value as string);
  },
  searchOptions: { processTerm: (term) => foldText(term) },
};

/** Title first, then summary and tags, then the body. */
const BOOST = { title: 6, summary: 2.5, tags: 2.5, searchText: 1 };

/** One typo in words of four letters or more ("autorisación"); none in short words. */
function fuzzyFor(term: string): number | false {
  return term.length >= 4 ? 1 : false;
}

function makeSearchOptions(combineWith: 'AND' | 'OR'): SearchOptions {
  return {
    boost: BOOST,
    combineWith,
    // Only the word being typed is a prefix ("permi" → "permisos"); earlier words are whole.
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: fuzzyFor,
    // An exact word outranks a prefix or a typo.
    weights: { fuzzy: 0.3, prefix: 0.6 },
  };
}

/** Builds the index from the entries. */
export function buildCatalogueIndex(docs: readonly SearchDoc[]): CatalogueIndex {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

/** Revives an index kept with `JSON.stringify(index)`. */
export function loadCatalogueIndex(json: string): CatalogueIndex {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

/**
 * Ranked hits for what the person typed. All words must match; if that finds nothing, any
 * word may (a typed word that is in no entry does not empty the list).
 */
export function searchCatalogue(index: CatalogueIndex, query: string, limit = 20): SearchHit[] {
  const terms = readQueryTerms(query);
  if (terms.length === 0) return [];
  const text = terms.join(' ');
  let results = index.search(text, makeSearchOptions('AND'));
  if (results.length === 0 && terms.length > 1) results = index.search(text, makeSearchOptions('OR'));
  return results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, title: String(r.title), kind: String(r.kind) }));
}
