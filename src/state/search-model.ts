import { signal, type ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { readCatalogueCursor } from '../db/catalogue-meta-store';
import { readSearchIndex, writeSearchIndex } from '../db/search-index-store';
import type { StoredEntry } from './catalogue-model';
import type { CatalogueIndex, SearchDoc } from './search/catalogue-index';
import { makeSnippet, type SnippetPart } from './search/snippet';

/**
 * Catalogue search, entirely on the device. The engine (MiniSearch, its own chunk) loads the
 * first time the search box is focused; the index is built once from the entries and kept in
 * the catalogue database, keyed by the entries' versions, so later visits (offline too) load
 * it instead of rebuilding. After a pull changes entries, the next search rebuilds it.
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

type Engine = typeof import('./search/catalogue-index');
interface LoadedIndex {
  engine: Engine;
  index: CatalogueIndex;
  cursor: number;
}

/** Shortest query that searches. */
export const MIN_QUERY_LENGTH = 2;

const status = signal<SearchStatus>('idle');
const results = signal<SearchResult[] | null>(null);
let loading: Promise<LoadedIndex> | undefined;
let latestQuery = 0;

/** Where the search engine stands. */
export const searchStatus: ReadonlySignal<SearchStatus> = status;
/** The results of the last query; null when the box is empty. */
export const searchResults: ReadonlySignal<SearchResult[] | null> = results;

/** A short fingerprint of the entries' ids and versions (FNV-1a), to tell a cached index apart. */
export function describeEntries(rows: ReadonlyArray<{ id: string; version?: unknown }>): string {
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
  const rows = (await db.entries.toArray()) as unknown as StoredEntry[];
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

/** The loaded index, reopened when a pull moved the catalogue cursor since it was loaded. */
async function getIndex(): Promise<LoadedIndex> {
  if (loading) {
    const loaded = await loading.catch(() => undefined);
    if (loaded && loaded.cursor === (await readCatalogueCursor(getDatabases().catalogue))) return loaded;
  }
  loading = openIndex();
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

function snippetOf(row: StoredEntry | undefined, terms: string[]): SnippetPart[] {
  if (!row) return [];
  const summary = makeSnippet(row.summary, terms);
  if (summary.some((part) => part.isMatch)) return summary;
  const body = (row.searchText ?? '').startsWith(row.title) ? (row.searchText ?? '').slice(row.title.length) : row.searchText ?? '';
  const inBody = makeSnippet(body, terms);
  return inBody.some((part) => part.isMatch) ? inBody : summary;
}

/** Ranked results for `query` with snippets; an empty query clears them. Only the latest query publishes. */
export async function runSearch(query: string, limit = 20): Promise<SearchResult[]> {
  const ticket = ++latestQuery;
  const started = performance.now();
  // One letter matches nearly every entry: results start from two.
  if (query.trim().length < MIN_QUERY_LENGTH) {
    results.value = null;
    return [];
  }
  const wasReady = status.value === 'ready';
  await prepareSearch();
  const loaded = await getIndex().catch(() => undefined);
  if (!loaded) return [];
  const hits = loaded.engine.searchCatalogue(loaded.index, query, limit);
  const rows = (await getDatabases().catalogue.entries.bulkGet(hits.map((hit) => hit.id))) as unknown as Array<StoredEntry | undefined>;
  const found = hits.map((hit, i) => ({ id: hit.id, title: hit.title, kind: hit.kind, snippet: snippetOf(rows[i], hit.terms) }));
  if (ticket === latestQuery) {
    results.value = found;
    // Query to published results, engine already loaded: the "search p95" bench figure.
    if (wasReady) markTiming('tinkuy:search', started);
  }
  return found;
}

/** Forgets the loaded index and results (tests give each case a fresh database). */
export function resetSearch(): void {
  loading = undefined;
  latestQuery += 1;
  status.value = 'idle';
  results.value = null;
}
