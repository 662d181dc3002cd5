import type { ReadonlySignal } from '@preact/signals';
import { getDatabases } from '../db/connection';
import { getChecklistTemplate, listChecklistTemplates } from '../db/checklist-templates-store';
import { getEntry, listEntries } from '../db/entries-store';
import { keyedLiveSignal, liveSignal } from './live-signal';
import type { StoredEntry, StoredTemplate } from '../db/catalogue-db';
import type { Entry } from '../shared/catalogue';

/**
 * The RED catalogue as the device holds it: read-only rows a pull wrote into `tinkuy-catalogue`.
 * Everything here answers offline; before the first pull the lists are simply empty.
 */

export type { StoredEntry, StoredTemplate };

/** What a list of entries shows of each. */
export type EntryCard = Pick<Entry, 'id' | 'kind' | 'topic' | 'title' | 'summary' | 'levels' | 'tags'>;

/** What the home shows of a checklist template. */
export interface TemplateCard {
  id: string;
  title: string;
  summary: string;
  itemCount: number;
}

/** The filters of the catalogue home; an absent field means "any". */
export interface CatalogueFilter {
  topic?: string;
  kind?: string;
  level?: string;
  tag?: string;
}

/** One row read from the catalogue DB, or the fact that it is not there. */
export type Lookup<T> = { status: 'loading' } | { status: 'missing' } | { status: 'found'; value: T };

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'es');

function toCard(row: StoredEntry): EntryCard {
  return { id: row.id, kind: row.kind, topic: row.topic, title: row.title, summary: row.summary, levels: row.levels ?? [], tags: row.tags ?? [] };
}

/** Every entry on the device as a card, by title. */
export async function readEntryCards(): Promise<EntryCard[]> {
  const rows = await listEntries(getDatabases().catalogue);
  return rows.map(toCard).sort(byTitle);
}

/** Every template on the device, by title. */
export async function readTemplateCards(): Promise<TemplateCard[]> {
  const rows = await listChecklistTemplates(getDatabases().catalogue);
  return rows
    .map((t) => ({ id: t.id, title: t.title, summary: t.summary, itemCount: t.sections.reduce((n, s) => n + s.items.length, 0) }))
    .sort(byTitle);
}

/** Entry cards, live; undefined while the first read runs. */
export const entryCards: ReadonlySignal<EntryCard[] | undefined> = liveSignal<EntryCard[] | undefined>(readEntryCards, undefined);

/** Template cards, live; undefined while the first read runs. */
export const templateCards: ReadonlySignal<TemplateCard[] | undefined> = liveSignal<TemplateCard[] | undefined>(readTemplateCards, undefined);

/** True when the card passes every filter that is set. */
export function doesCardMatch(card: EntryCard, filter: CatalogueFilter): boolean {
  if (filter.topic && card.topic !== filter.topic) return false;
  if (filter.kind && card.kind !== filter.kind) return false;
  if (filter.level && !card.levels.includes(filter.level as EntryCard['levels'][number])) return false;
  if (filter.tag && !card.tags.includes(filter.tag)) return false;
  return true;
}

/** The cards that pass the filter, in their order. */
export function filterEntries(cards: readonly EntryCard[], filter: CatalogueFilter): EntryCard[] {
  return cards.filter((card) => doesCardMatch(card, filter));
}

/** True when at least one filter is set. */
export function hasFilter(filter: CatalogueFilter): boolean {
  return Boolean(filter.topic || filter.kind || filter.level || filter.tag);
}

/** How many entries each topic has. */
export function countByTopic(cards: readonly EntryCard[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.topic, (counts.get(card.topic) ?? 0) + 1);
  return counts;
}

/** Every tag in use, in alphabetical order. */
export function listTags(cards: readonly EntryCard[]): string[] {
  return [...new Set(cards.flatMap((card) => card.tags))].sort((a, b) => a.localeCompare(b, 'es'));
}

async function lookup<T>(read: () => Promise<T | undefined>): Promise<Lookup<T>> {
  const row = await read();
  return row ? { status: 'found', value: row } : { status: 'missing' };
}

/** One entry, live (a pull that changes it re-renders the reader); the same signal per id. */
export const watchEntry: (id: string) => ReadonlySignal<Lookup<StoredEntry>> = keyedLiveSignal(
  (id) => lookup(() => getEntry(getDatabases().catalogue, id)),
  { status: 'loading' },
);

/** One checklist template, live; the same signal per id. */
export const watchTemplate: (id: string) => ReadonlySignal<Lookup<StoredTemplate>> = keyedLiveSignal(
  (id) => lookup(() => getChecklistTemplate(getDatabases().catalogue, id)),
  { status: 'loading' },
);
