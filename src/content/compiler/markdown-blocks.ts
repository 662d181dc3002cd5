/**
 * Turns an entry's Markdown body into the compiled Block tree with marked's lexer. Only what the
 * catalogue allows becomes a block (headings 2–3, paragraphs, lists, tables, callouts); anything
 * else is a fault at its line, so authors learn at build time, not on a phone in the field.
 */
import { marked, type Token, type Tokens } from 'marked';
import { CALLOUT_KINDS, type Block, type TocItem } from '../../shared/catalogue/entry';
import { BodyContext } from './body-context';
import { toPlainText } from '../../shared/catalogue/plain-text';
import { toInlines } from './markdown-inlines';
import { protectValorTokens } from './valor-placeholders';
import type { ValorTable } from './valores-source';

/** The compiled body with its table of contents, plain text and the faults found. */
export interface CompiledBody {
  blocks: Block[];
  toc: TocItem[];
  context: BodyContext;
}

const CALLOUT_MARKER = /^\[!([A-ZÁÉÍÓÚ]+)\][ \t]*(?:\n|$)/;

/** What a body needs beyond its text: the yearly values it may cite and the build's year. */
export interface BodyOptions {
  valores?: ValorTable;
  year?: number;
}

/** Compiles `markdown`, whose first line is line `firstLine` of `file`. */
export function compileBody(markdown: string, file: string, firstLine: number, options: BodyOptions = {}): CompiledBody {
  // Yearly values become placeholders first: `*` in `{{valor:uit*8}}` must not read as emphasis.
  const valores = protectValorTokens(markdown.replace(/\r\n?/g, '\n'), options.valores ?? new Map(), file, firstLine);
  const source = valores.source;
  const context = new BodyContext(file, source, firstLine, valores.tokens, options.year);
  context.faults.push(...valores.faults);
  const toc: TocItem[] = [];
  const tooDeep = findTooDeepLine(source);
  if (tooDeep !== undefined) {
    // marked recurses once per level: thousands of levels overflow the stack. Not lexed at all.
    context.fault(firstLine + tooDeep, `Demasiados niveles de listas o recuadros anidados (máximo ${MAX_NESTING}); simplifique la estructura.`);
    return { blocks: [], toc, context };
  }
  const blocks = toBlocks(marked.lexer(source, { gfm: true }), context, toc);
  return { blocks, toc, context };
}

/** Lists and callouts nest a few levels in real entries; far beyond that is an attack or an accident. */
const MAX_NESTING = 16;

/** `>`, `-`, `*`, `+`, `1.` or `1)` opening a container, with the blanks before it. */
const CONTAINER_MARKER = /^([ \t]*)(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * The 0-based line of `source` that opens more than MAX_NESTING containers, counting each
 * marker at its start and every two columns of indentation before a marker or text.
 */
function findTooDeepLine(source: string): number | undefined {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    let depth = 0;
    let columns = 0;
    for (let match = CONTAINER_MARKER.exec(rest); match && depth <= MAX_NESTING; match = CONTAINER_MARKER.exec(rest)) {
      depth += 1;
      columns += match[1]!.replace(/\t/g, '    ').length;
      rest = rest.slice(match[0].length);
    }
    const indent = /^[ \t]*/.exec(rest)![0];
    if (indent.length < rest.length) columns += indent.replace(/\t/g, '    ').length;
    if (depth + Math.floor(columns / 2) > MAX_NESTING) return i;
  }
  return undefined;
}

function toBlocks(tokens: Token[], ctx: BodyContext, toc: TocItem[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    const block = toBlock(token, ctx, toc);
    if (block) blocks.push(block);
  }
  return blocks;
}

function toBlock(token: Token, ctx: BodyContext, toc: TocItem[]): Block | undefined {
  if (token.type === 'space' || token.type === 'def') return undefined;
  const line = ctx.locate(token.raw);
  switch (token.type) {
    case 'heading':
      return toHeading(token as Tokens.Heading, ctx, toc, line);
    case 'paragraph':
    case 'text':
      return { type: 'paragraph', inlines: toInlines('tokens' in token ? token.tokens : [{ ...token, type: 'text' } as Token], ctx) };
    case 'list':
      return {
        type: 'list',
        ordered: (token as Tokens.List).ordered,
        items: (token as Tokens.List).items.map((item) => toBlocks(item.tokens, ctx, toc)),
      };
    case 'table':
      return toTable(token as Tokens.Table, ctx);
    case 'blockquote':
      return toCallout(token as Tokens.Blockquote, ctx, toc, line);
    case 'html':
      ctx.fault(line, `No se admite HTML («${token.raw.trim().slice(0, 40)}»); use Markdown.`);
      return undefined;
    case 'code':
      ctx.fault(line, 'No se admiten bloques de código; escriba el texto como párrafo o lista.');
      return undefined;
    case 'hr':
      ctx.fault(line, 'No se admiten líneas horizontales; use un encabezado ## para separar partes.');
      return undefined;
    default:
      ctx.fault(line, `Elemento de Markdown no admitido: ${token.type}.`);
      return undefined;
  }
}

function toHeading(token: Tokens.Heading, ctx: BodyContext, toc: TocItem[], line: number): Block | undefined {
  if (token.depth !== 2 && token.depth !== 3) {
    const hint = token.depth === 1 ? 'el título (nivel 1) sale del encabezado YAML' : 'use ## o ###';
    ctx.fault(line, `Encabezado de nivel ${token.depth} no permitido: solo ## y ### (${hint}).`);
    return undefined;
  }
  const text = toInlines(token.tokens, ctx);
  const plain = toPlainText(text).trim();
  const id = ctx.claimHeadingId(plain);
  toc.push({ id, text: plain, level: token.depth });
  return { type: 'heading', level: token.depth, id, text };
}

function toTable(token: Tokens.Table, ctx: BodyContext): Block {
  return {
    type: 'table',
    header: token.header.map((cell) => toInlines(cell.tokens, ctx)),
    rows: token.rows.map((row) => row.map((cell) => toInlines(cell.tokens, ctx))),
  };
}

/** `> [!IMPORTANTE]` then the content: the rest is lexed again as blocks. */
function toCallout(token: Tokens.Blockquote, ctx: BodyContext, toc: TocItem[], line: number): Block | undefined {
  const match = CALLOUT_MARKER.exec(token.text);
  const kinds = CALLOUT_KINDS.join(', ');
  if (!match) {
    ctx.fault(line, `Cita sin tipo de recuadro: empiece con > [!IMPORTANTE] (tipos: ${kinds}).`);
    return undefined;
  }
  const kind = (match[1] ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (!(CALLOUT_KINDS as readonly string[]).includes(kind)) {
    ctx.fault(line, `Tipo de recuadro desconocido «${match[1]}»: use ${kinds}.`);
    return undefined;
  }
  const blocks = toBlocks(marked.lexer(token.text.slice(match[0].length), { gfm: true }), ctx, toc);
  if (blocks.length === 0) ctx.fault(line, 'El recuadro está vacío.');
  return { type: 'callout', kind: kind as Extract<Block, { type: 'callout' }>['kind'], blocks };
}
