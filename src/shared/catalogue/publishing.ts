/**
 * The catalogue editor's HTTP contract (coordinadores only, online): read an entry's Markdown
 * and history, preview a draft compiled by the server's compiler, publish with the version the
 * draft was based on. Bodies are parsed with these schemas on the server.
 */
import * as v from 'valibot';
import type { Entry } from './entry';
import { Slug } from './entry';
import { BROKEN_CHARACTER_MESSAGE, hasNoBrokenCharacter, hasNoNul, NUL_MESSAGE } from '../schemas/common';

/** Longest Markdown source accepted, in characters (the longest entry today is ~12,000). */
export const MAX_ENTRY_SOURCE = 100_000;

const Source = v.pipe(
  v.string('El texto de la entrada debe ser texto.'),
  v.check(hasNoNul, NUL_MESSAGE),
  v.check(hasNoBrokenCharacter, BROKEN_CHARACTER_MESSAGE),
  v.minLength(1, 'El texto de la entrada está vacío.'),
  v.maxLength(MAX_ENTRY_SOURCE, `El texto de la entrada es demasiado largo (máximo ${MAX_ENTRY_SOURCE} caracteres).`),
);

/** `POST /api/catalogue/preview`: `id` defaults to the one in the front matter. */
export const PreviewRequest = v.strictObject({ source: Source, id: v.optional(Slug) });
export type PreviewRequest = v.InferOutput<typeof PreviewRequest>;

/** `PUT /api/catalogue/entries/:id`: `baseVersion` null creates a new entry. */
export const PublishRequest = v.strictObject({
  source: Source,
  baseVersion: v.nullable(v.pipe(v.number('La versión base debe ser un número.'), v.integer(), v.minValue(1))),
});
export type PublishRequest = v.InferOutput<typeof PublishRequest>;

/** A fault in a draft: its 1-based line in the source and what to fix, in Spanish. */
export interface SourceFault {
  line: number;
  message: string;
}

/** The answer of a preview (and the `faults` of a refused publish). */
export interface PreviewResponse {
  entry?: Entry;
  faults: SourceFault[];
}

/** One published version of an entry; `publishedBy` is a name ("Catálogo compilado" for the build). */
export interface EntryVersionInfo {
  /** The sync counter's version: what a publish is based on and the history's address. */
  version: number;
  /** The entry's own version number (1 for its first publication, 2 for the next…): what people read. */
  edition: number;
  publishedAt: string;
  publishedBy: string;
}

/** `GET /api/catalogue/entries/:id/source`. */
export interface EntrySourceResponse {
  id: string;
  source: string;
  version: number;
  history: EntryVersionInfo[];
}

/** `GET /api/catalogue/entries/:id/history/:version`. */
export interface EntryVersionResponse extends EntryVersionInfo {
  id: string;
  source: string;
}

/** One line of `GET /api/catalogue/entries`. */
export interface EntrySummary {
  id: string;
  title: string;
  kind: Entry['kind'];
  version: number;
  /** The entry's own version number (see EntryVersionInfo). */
  edition: number;
  updatedAt: string;
}

/** The answer of a publish: the entry as devices will pull it, and its new version. */
export interface PublishResponse {
  id: string;
  version: number;
  /** The entry's own version number this publish made. */
  edition: number;
  publishedAt: string;
  entry: Entry;
}
