/**
 * The catalogue's full-text index (MiniSearch). This module is loaded with `import()` the first
 * time the search box is focused, so its weight never sits on the first screen. Everything runs
 * on the device: offline, search answers from the index kept in IndexedDB.
 */
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { foldText, processIndexTerm, readQueryTerms } from './fold-text';

/** What the index needs of an entry (a type, not an interface, so it reads as a record of fields). */
export type SearchDoc = {
  id: string;
  title: string;
  summary: string;
  tags: readonly string[];
  /** Plain text of the entry (the compiled `searchText`). */
  searchText: string;
  kind: string;
};

/** One hit: the entry id, its score, the index terms it matched (for the snippet), and what a result line shows. */
export interface SearchHit {
  id: string;
  score: number;
  terms: string[];
  title: string;
  kind: string;
  summary: string;
}

/** The index as the search model holds it. */
export type CatalogueIndex = MiniSearch<SearchDoc>;

const FIELDS = ['title', 'summary', 'tags', 'searchText'];

function stripLeading(text: string, head: string): string {
  return head && text.startsWith(head) ? text.slice(head.length).trimStart() : text;
}

/** Index options: the same on build and load, or a loaded index would read terms differently. */
const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: FIELDS,
  storeFields: ['title', 'kind', 'summary'],
  processTerm: processIndexTerm,
  extractField: (doc, field) => {
    if (field === 'tags') return doc.tags.map((tag) => tag.replace(/-/g, ' ')).join(' ');
    // `searchText` repeats title and summary first: index only the body, once.
    if (field === 'searchText') return stripLeading(stripLeading(doc.searchText, doc.title), doc.summary);
    const fields: Readonly<Record<string, unknown>> = doc;
    return String(fields[field] ?? '');
  },
  searchOptions: { processTerm: (term) => foldText(term) },
};

/** Title first, then summary and tags, then the body. */
const BOOST = { title: 6, summary: 2.5, tags: 2.5, searchText: 1 };

/** One typo in words of four letters or more ("autorisación"); none in short words. */
function fuzzyFor(term: string): number | false {
  return term.length >= 4 ? 1 : false;
}

/** What an expanded prefix scores against the word itself ("permi" → "permisos"). */
const PREFIX_WEIGHT = 0.6;
/** A word being typed expands to at most this many of its completions, the most frequent. */
const MAX_COMPLETIONS = 10;
/** How many (field, entry) postings the completions of one prefix may score, per entry indexed. */
const POSTINGS_PER_ENTRY = 1.5;
/** Fewer hits than this for the words as typed, and the search tries again forgiving one typo. */
const FEW_HITS = 5;

/** MiniSearch's term tree (its protected `_index`): term → field → document → frequency. */
type TermTree = { atPrefix(prefix: string): Iterable<[string, Map<number, Map<number, number>>]> };

/**
 * The indexed words that start with `prefix`, the most frequent first. Scoring every completion
 * of a short prefix ("per" has hundreds) is what made as-you-type slow on 3,000 entries.
 */
export function listCompletions(index: CatalogueIndex, prefix: string, max = MAX_COMPLETIONS): string[] {
  // MiniSearch keeps its term tree protected; 7.2.0 is pinned, and the search tests read through it.
  const tree = (index as unknown as { _index: TermTree })._index;
  const found: Array<{ term: string; docs: number }> = [];
  for (const [term, fields] of tree.atPrefix(prefix)) {
    if (term === prefix) continue;
    let docs = 0;
    for (const perDoc of fields.values()) docs += perDoc.size;
    found.push({ term, docs });
  }
  found.sort((a, b) => b.docs - a.docs || a.term.length - b.term.length);
  // Bound the work of a short prefix: stop once the completions reach ~1.5 postings per entry.
  const cap = Math.max(1, index.documentCount) * POSTINGS_PER_ENTRY;
  const picked: string[] = [];
  let postings = 0;
  for (const completion of found) {
    if (picked.length >= max || (picked.length > 0 && postings + completion.docs > cap)) break;
    picked.push(completion.term);
    postings += completion.docs;
  }
  return picked;
}

/**
 * The query tree: every word must match (or any, for OR). The last word also matches its
 * completions (exact pass) or, in the typo pass, MiniSearch's own prefix and fuzzy matching.
 */
function buildQuery(terms: string[], completions: string[], combineWith: 'AND' | 'OR', isFuzzy: boolean): Query {
  const fuzzy = isFuzzy ? fuzzyFor : false;
  const last = terms[terms.length - 1]!;
  const words = terms.slice(0, -1).map((term): Query => ({ queries: [term], fuzzy, prefix: false }));
  if (isFuzzy) return { combineWith, queries: [...words, { queries: [last], fuzzy, prefix: true }] };
  const typed: Query = { queries: [last], prefix: false, fuzzy: false };
  const lastQuery: Query = completions.length
    ? { combineWith: 'OR', queries: [typed, { combineWith: 'OR', queries: completions, prefix: false, fuzzy: false, boostTerm: () => PREFIX_WEIGHT }] }
    : typed;
  return { combineWith, queries: [...words, lastQuery] };
}

type RawResult = ReturnType<CatalogueIndex['search']>[number];

/**
 * MiniSearch multiplies a score by how many query terms matched; completions would count as
 * extra words, so a page with "permiso", "permisos" and "permitido" would outrank one that
 * simply fits. Count each typed word once instead.
 */
function rescore(results: RawResult[], completions: ReadonlySet<string>, last: string): RawResult[] {
  if (completions.size === 0) return results;
  let isChanged = false;
  for (const result of results) {
    let words = 0;
    let hasLast = false;
    for (const term of result.queryTerms) {
      if (term === last || completions.has(term)) hasLast = true;
      else words += 1;
    }
    const typed = words + (hasLast ? 1 : 0);
    if (typed === result.queryTerms.length) continue;
    result.score = (result.score / result.queryTerms.length) * typed;
    isChanged = true;
  }
  return isChanged ? results.sort((a, b) => b.score - a.score) : results;
}

/** Shared options: field boosts, and a typo scores below the word itself. */
const SEARCH_OPTIONS: SearchOptions = { boost: BOOST, weights: { fuzzy: 0.3, prefix: PREFIX_WEIGHT } };

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
 * Ranked hits for what the person typed, the first `limit`, and how many matched in all (so the
 * screen can say there are more). All words must match; a typo is forgiven when the words as
 * typed find little (a typo search costs more); if that finds nothing, any word may.
 */
export function searchCatalogueCounted(index: CatalogueIndex, query: string, limit = 20): { hits: SearchHit[]; total: number } {
  const terms = readQueryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const last = terms[terms.length - 1]!;
  const completions = listCompletions(index, last);
  // 1: exact words and the completions of the one being typed; 2: few hits → forgive a typo; 3: none → any word.
  let results = rescore(index.search(buildQuery(terms, completions, 'AND', false), SEARCH_OPTIONS), new Set(completions), last);
  if (results.length < FEW_HITS) results = index.search(buildQuery(terms, completions, 'AND', true), SEARCH_OPTIONS);
  if (results.length === 0 && terms.length > 1) results = index.search(buildQuery(terms, completions, 'OR', true), SEARCH_OPTIONS);
  const hits = results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, title: String(r.title), kind: String(r.kind), summary: String(r.summary ?? '') }));
  return { hits, total: results.length };
}

/** The first `limit` ranked hits (see searchCatalogueCounted). */
export function searchCatalogue(index: CatalogueIndex, query: string, limit = 20): SearchHit[] {
  return searchCatalogueCounted(index, query, limit).hits;
}
