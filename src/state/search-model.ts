import { signal, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { readCatalogueCursor } from '../db/catalogue-meta-store';
import { watchQuery } from '../db/live-query';
import { readSearchIndex, writeSearchIndex } from '../db/search-index-store';
import type { StoredEntry } from './catalogue-model';
import type { CatalogueIndex, SearchDoc, SearchHit } from './search/catalogue-index';
import { makeSnippet, type SnippetPart } from './search/snippet';

/**
 * Catalogue search, entirely on the device. The engine (MiniSearch, its own chunk) loads the
 * first time the search box is focused; the index is built once from the entries and kept in
 * the catalogue database, keyed by the entries' content hashes, so later visits (offline too) load
 * it instead of rebuilding. When a pull moves the catalogue cursor, the index is reopened
 * (rebuilt if entries changed) and the current query runs again.
 */

/** One result as the screen shows it. */
export interface SearchResult {
  id: string;
  title: string;
  kind: string;
  snippet: SnippetPart[];
}

/** `idle` before first use; `ready` once the index answers; `error` when it cannot load. */
export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Shortest query that searches: shorter prefixes match nearly every entry. */
export const MIN_QUERY_LENGTH = 3;

type Engine = typeof import('./search/catalogue-index');
interface LoadedIndex {
  engine: Engine;
  index: CatalogueIndex;
  cursor: number;
}

const status = signal<SearchStatus>('idle');
const results = signal<SearchResult[] | null>(null);
let loading: Promise<LoadedIndex> | undefined;
/** The index once loaded, so a query on a fresh index runs without waiting a tick. */
let loadedIndex: LoadedIndex | undefined;
let isStale = false;
let stopCursorWatch: (() => void) | undefined;
let latestQuery = 0;
let lastQuery = '';
/** Results shown per page; «Ver más» adds one more page. */
export const SEARCH_PAGE = 20;
let shownLimit = SEARCH_PAGE;
const total = signal(0);

/** Where the search engine stands. */
export const searchStatus: ReadonlySignal<SearchStatus> = status;
/** The results of the last query; null when the box is empty. */
export const searchResults: ReadonlySignal<SearchResult[] | null> = results;
/** How many entries the last query matched in all (more than shown when «Ver más» is offered). */
export const searchTotal: ReadonlySignal<number> = total;

/**
 * A short fingerprint of the entries' ids and content hashes (FNV-1a), to tell a cached index
 * apart: the index changes exactly when an entry's content does, whatever the pull's version.
 */
export function describeEntries(rows: ReadonlyArray<{ id: string; version?: string }>): string {
  const parts = rows.map((row) => `${row.id}@${String(row.version ?? '')}`).sort();
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i += 1) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return `${rows.length}:${hash.toString(36)}`;
}

function toSearchDoc(row: StoredEntry): SearchDoc {
  return { id: row.id, title: row.title, summary: row.summary, tags: row.tags ?? [], searchText: row.searchText ?? '', kind: row.kind };
}

/** Leaves a User Timing entry (read by the bench in Chromium); never fails the search. */
function markTiming(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older engines without measure options: the figure is only for the bench.
  }
}

/** 1: cursor unchanged since the cache → load it; 2: same entries → load it; 3: build and keep. */
async function openIndex(): Promise<LoadedIndex> {
  const engine = await import('./search/catalogue-index');
  const db = getDatabases().catalogue;
  const cursor = await readCatalogueCursor(db);
  const cached = await readSearchIndex(db);
  // Cursor 0 means no pull yet (or rows seeded by hand): check the entries themselves.
  if (cached && cursor > 0 && cached.cursor === cursor) return { engine, index: engine.loadCatalogueIndex(cached.json), cursor };
  const rows = await db.entries.toArray();
  const entriesKey = describeEntries(rows);
  if (cached && cached.entriesKey === entriesKey) {
    await writeSearchIndex(db, { ...cached, cursor });
    return { engine, index: engine.loadCatalogueIndex(cached.json), cursor };
  }
  const started = performance.now();
  const index = engine.buildCatalogueIndex(rows.map(toSearchDoc));
  markTiming('tinkuy:search-index', started);
  await writeSearchIndex(db, { cursor, entriesKey, json: JSON.stringify(index) });
  return { engine, index, cursor };
}

/** Follows the catalogue cursor (pulls here, in another tab or in the service worker). */
function watchCursor(loadedCursor: number): void {
  stopCursorWatch?.();
  stopCursorWatch = watchQuery(() => readCatalogueCursor(getDatabases().catalogue), (cursor) => {
    if (cursor === loadedCursor || isStale) return;
    isStale = true;
    // Results on screen follow the new catalogue.
    if (lastQuery) void runSearch(lastQuery);
  });
}

/** The loaded index; reopened once a pull moved the catalogue cursor. */
function getIndex(): Promise<LoadedIndex> {
  if (loading && !isStale) return loading;
  isStale = false;
  loadedIndex = undefined;
  loading = openIndex();
  loading
    .then((loaded) => {
      loadedIndex = loaded;
      watchCursor(loaded.cursor);
    })
    .catch(() => undefined);
  return loading;
}

/** Loads the engine and the index ahead of the first query (call when the search box gets focus). */
export async function prepareSearch(): Promise<void> {
  if (status.value === 'idle' || status.value === 'error') status.value = 'loading';
  try {
    await getIndex();
    status.value = 'ready';
  } catch {
    loading = undefined;
    status.value = 'error';
  }
}

function hasMatch(parts: SnippetPart[]): boolean {
  return parts.some((part) => part.isMatch);
}

function bodyOf(row: StoredEntry): string {
  const text = row.searchText ?? '';
  return text.startsWith(row.title) ? text.slice(row.title.length) : text;
}

/** Hits whose summary does not show the match get a snippet from the body, read from the device. */
async function addBodySnippets(hits: SearchHit[], shown: SearchResult[]): Promise<SearchResult[] | undefined> {
  const missing = shown.map((result, i) => (hasMatch(result.snippet) ? -1 : i)).filter((i) => i >= 0);
  if (missing.length === 0) return undefined;
  const rows = await getDatabases().catalogue.entries.bulkGet(missing.map((i) => shown[i]!.id));
  const next = [...shown];
  missing.forEach((at, k) => {
    const row = rows[k];
    const snippet = row ? makeSnippet(bodyOf(row), hits[at]!.terms) : [];
    if (hasMatch(snippet)) next[at] = { ...shown[at]!, snippet };
  });
  return next;
}

/**
 * Ranked results for `query`; shorter than MIN_QUERY_LENGTH clears them. Results show at once
 * with the summary as snippet; where the match is only in the body, that snippet follows.
 * Only the latest query publishes.
 */
export async function runSearch(query: string, limit = SEARCH_PAGE): Promise<SearchResult[]> {
  const ticket = ++latestQuery;
  shownLimit = limit;
  const started = performance.now();
  lastQuery = query;
  if (query.trim().length < MIN_QUERY_LENGTH) {
    results.value = null;
    total.value = 0;
    return [];
  }
  const wasReady = status.value === 'ready' && !isStale && loadedIndex !== undefined;
  const loaded = wasReady ? loadedIndex : await prepareSearch().then(() => getIndex().catch(() => undefined));
  if (!loaded || ticket !== latestQuery) return [];
  const { hits, total: matched } = loaded.engine.searchCatalogueCounted(loaded.index, query, limit);
  const shown = hits.map((hit) => ({ id: hit.id, title: hit.title, kind: hit.kind, snippet: makeSnippet(hit.summary, hit.terms) }));
  total.value = matched;
  results.value = shown;
  // Query to results on screen, engine already loaded: the "search p95" bench figure.
  if (wasReady) markTiming('tinkuy:search', started);
  const withBody = await addBodySnippets(hits, shown).catch(() => undefined);
  if (withBody && ticket === latestQuery) results.value = withBody;
  return withBody ?? shown;
}

/** «Ver más»: the same query with one more page of results. */
export function showMoreResults(): Promise<SearchResult[]> {
  return runSearch(lastQuery, shownLimit + SEARCH_PAGE);
}

/** Forgets the loaded index and results (tests give each case a fresh database). */
export function resetSearch(): void {
  stopCursorWatch?.();
  stopCursorWatch = undefined;
  loading = undefined;
  loadedIndex = undefined;
  isStale = false;
  latestQuery += 1;
  lastQuery = '';
  status.value = 'idle';
  results.value = null;
  total.value = 0;
  shownLimit = SEARCH_PAGE;
}
