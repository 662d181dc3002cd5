/**
 * The catalogue entry: its front matter as authors write it, and the compiled form the device
 * stores and Preact renders. The compiled body is a tree of plain data, never HTML, so content
 * cannot inject markup. Pulled once, it is read offline from the catalogue database.
 */
import * as v from 'valibot';
import { ValorData } from './valores';

/** What an entry is: guide, tool, recommendation or good practice. */
export const ENTRY_KINDS = ['guia', 'herramienta', 'recomendacion', 'buena-practica'] as const;
/** The catalogue's topics, one per entry, following the RED's outline. */
export const ENTRY_TOPICS = [
  'planificacion',
  'permisos',
  'derechos-autor',
  'seguridad',
  'salud',
  'accesibilidad',
  'presupuesto',
  'artistas',
  'comunicacion',
  'datos-personales',
  'cierre',
] as const;
/** The levels of government an entry applies to. */
export const GOVERNMENT_LEVELS = ['regional', 'provincial', 'distrital'] as const;
/** Kinds of highlighted box, written `> [!KIND]` in Markdown. */
export const CALLOUT_KINDS = ['IMPORTANTE', 'CONSEJO', 'ATENCION', 'NORMA'] as const;
/** Longest summary, in characters: it must fit a card on a 360 px screen. */
export const SUMMARY_MAX = 200;

/** A stable slug: lower-case a-z, digits and single hyphens. */
export const Slug = v.pipe(
  v.string('Se esperaba un texto.'),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use solo minúsculas sin tildes, números y guiones (p. ej. "mi-entrada").'),
  v.maxLength(80, 'Como máximo 80 caracteres.'),
);

/** A required line of text, trimmed, at most `max` characters; messages name the field by `label`. */
export const line = (label: string, max: number) =>
  v.pipe(
    v.string(`${label}: se esperaba un texto.`),
    v.trim(),
    v.minLength(1, `${label} es obligatorio.`),
    v.maxLength(max, `${label}: como máximo ${max} caracteres.`),
  );

/** A norm cited as the source of an entry. */
export const EntrySource = v.strictObject({
  norm: line('La norma', 160),
  title: line('El título de la norma', 300),
  detail: v.optional(line('El detalle', 200)),
  url: v.optional(v.pipe(v.string(), v.url('Dirección no válida.'), v.startsWith('https://', 'La dirección debe empezar con https://.'))),
});
export type EntrySource = v.InferOutput<typeof EntrySource>;

/** `YYYY-MM-DD`, a real calendar day. */
const ReviewDate = v.pipe(v.string('Fecha como AAAA-MM-DD.'), v.isoDate('Fecha no válida; use AAAA-MM-DD.'));

/** The YAML front matter of `src/content/entries/<id>.md`. */
export const EntryFrontMatter = v.strictObject({
  id: Slug,
  kind: v.picklist(ENTRY_KINDS, `Tipo desconocido; use uno de: ${ENTRY_KINDS.join(', ')}.`),
  topic: v.picklist(ENTRY_TOPICS, `Tema desconocido; use uno de: ${ENTRY_TOPICS.join(', ')}.`),
  title: line('El título', 160),
  summary: line('El resumen', SUMMARY_MAX),
  levels: v.pipe(
    v.array(v.picklist(GOVERNMENT_LEVELS, `Nivel desconocido; use: ${GOVERNMENT_LEVELS.join(', ')}.`)),
    v.minLength(1, 'Indique al menos un nivel de gobierno.'),
  ),
  tags: v.optional(v.array(Slug), []),
  sources: v.pipe(v.array(EntrySource), v.minLength(1, 'Cite al menos una fuente.')),
  reviewed: ReviewDate,
  related: v.optional(v.array(Slug), []),
});
export type EntryFrontMatter = v.InferOutput<typeof EntryFrontMatter>;

/** Inline text; `strong`/`em` present only when true; a `\n` in `value` is a hard line break (render with `white-space: pre-line`). */
export const TextInline = v.strictObject({
  type: v.literal('text'),
  value: v.string(),
  strong: v.optional(v.literal(true)),
  em: v.optional(v.literal(true)),
});
/** Inline code. */
export const CodeInline = v.strictObject({ type: v.literal('code'), value: v.string() });
/** A link: `internal` holds the entry id for `entrada:<id>` links; external links are https. */
export const LinkInline = v.strictObject({
  type: v.literal('link'),
  href: v.string(),
  internal: v.optional(Slug),
  children: v.array(v.variant('type', [TextInline, CodeInline])),
});
/**
 * A yearly value (`{{valor:uit*8}}` in Markdown): the reader shows it for the device's year.
 * `value` is the text as of the build, which an app that predates this node shows as is.
 */
export const ValorInline = v.strictObject({
  type: v.literal('valor'),
  value: v.string(),
  factor: v.pipe(v.number(), v.minValue(0)),
  valor: ValorData,
  strong: v.optional(v.literal(true)),
  em: v.optional(v.literal(true)),
});
/** One piece of running text. */
export const Inline = v.variant('type', [TextInline, CodeInline, LinkInline, ValorInline]);
export type Inline = v.InferOutput<typeof Inline>;

/** A block of the compiled body; lists and callouts nest blocks. */
export type Block =
  | { type: 'heading'; level: 2 | 3; id: string; text: Inline[] }
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { type: 'callout'; kind: (typeof CALLOUT_KINDS)[number]; blocks: Block[] };

/** Schema of a body block; recursive, so its type is declared above. */
export const Block: v.GenericSchema<Block> = v.variant('type', [
  v.strictObject({ type: v.literal('heading'), level: v.picklist([2, 3]), id: Slug, text: v.array(Inline) }),
  v.strictObject({ type: v.literal('paragraph'), inlines: v.array(Inline) }),
  v.strictObject({ type: v.literal('list'), ordered: v.boolean(), items: v.array(v.array(v.lazy(() => Block))) }),
  v.strictObject({ type: v.literal('table'), header: v.array(v.array(Inline)), rows: v.array(v.array(v.array(Inline))) }),
  v.strictObject({ type: v.literal('callout'), kind: v.picklist(CALLOUT_KINDS), blocks: v.array(v.lazy(() => Block)) }),
]);

/** One line of an entry's table of contents. */
export const TocItem = v.strictObject({ id: Slug, text: v.string(), level: v.picklist([2, 3]) });
export type TocItem = v.InferOutput<typeof TocItem>;

/** A compiled entry, as served in `catalogue.json` and stored on the device. */
export const Entry = v.strictObject({
  ...EntryFrontMatter.entries,
  tags: v.array(Slug),
  related: v.array(Slug),
  body: v.array(Block),
  toc: v.array(TocItem),
  /** Plain text of title, summary and body, for the search index. */
  searchText: v.string(),
  /** Content hash of this entry alone: a changed entry is detectable without the rest. */
  version: v.string(),
});
export type Entry = v.InferOutput<typeof Entry>;
