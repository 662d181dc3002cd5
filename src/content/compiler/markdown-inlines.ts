/**
 * Turns marked's inline tokens into the compiled Inline list: plain data, no HTML. Raw HTML,
 * images and non-https links become faults at their Markdown line.
 */
import type { Token, Tokens } from 'marked';
import type { Inline } from '../../shared/catalogue/entry';
import type { BodyContext } from './body-context';
import { findLinkProblem } from './content-rules';
import { expandPlaceholders, restoreTokens } from './valor-placeholders';

type Marks = { strong?: true; em?: true };
type Child = Extract<Inline, { type: 'text' | 'code' }>;

const INTERNAL_PREFIX = 'entrada:';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Converts inline tokens; adjacent text with the same marks is merged. */
export function toInlines(tokens: Token[] | undefined, ctx: BodyContext, marks: Marks = {}): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) appendInline(out, token, ctx, marks);
  return mergeTexts(out);
}

function appendInline(out: Inline[], token: Token, ctx: BodyContext, marks: Marks): void {
  const line = ctx.locate(token.raw);
  switch (token.type) {
    case 'text':
    case 'escape':
      if ('tokens' in token && token.tokens?.length) out.push(...toInlines(token.tokens, ctx, marks));
      else out.push(...expandPlaceholders(decodeEntities(token.text).replace(/\n/g, ' '), ctx.valores, ctx.year, marks));
      return;
    case 'strong':
      out.push(...toInlines((token as Tokens.Strong).tokens, ctx, { ...marks, strong: true }));
      return;
    case 'em':
      out.push(...toInlines((token as Tokens.Em).tokens, ctx, { ...marks, em: true }));
      return;
    case 'del':
      out.push(...toInlines((token as Tokens.Del).tokens, ctx, marks));
      return;
    case 'br':
      out.push({ type: 'text', value: '\n', ...marks });
      return;
    case 'codespan':
      out.push({ type: 'code', value: restoreTokens(token.text, ctx.valores) });
      return;
    case 'link':
      appendLink(out, token as Tokens.Link, ctx, marks, line);
      return;
    case 'image':
      ctx.fault(line, 'Las imágenes no se admiten en el catálogo (pesan demasiado en 3G); describa el contenido con texto.');
      return;
    case 'html':
      ctx.faultOncePerLine('html', line, `No se admite HTML en el texto («${token.raw.trim().slice(0, 40)}»); use Markdown.`);
      return;
    default:
      ctx.fault(line, `Elemento de Markdown no admitido en el texto: ${token.type}.`);
  }
}

function appendLink(out: Inline[], token: Tokens.Link, ctx: BodyContext, marks: Marks, line: number): void {
  const inner = toInlines(token.tokens, ctx, marks);
  if (inner.some((c) => c.type === 'valor')) ctx.fault(line, 'No use valores {{valor:…}} dentro del texto de un enlace: póngalos antes o después.');
  const children = inner.filter((c): c is Child => c.type === 'text' || c.type === 'code');
  const href = token.href.trim();
  if (href.startsWith(INTERNAL_PREFIX)) {
    const id = href.slice(INTERNAL_PREFIX.length);
    if (!SLUG.test(id)) ctx.fault(line, `Enlace interno no válido «${href}»: use entrada:<id-de-la-entrada>.`);
    else ctx.linkTo(id, line);
    out.push({ type: 'link', href, internal: id, children });
    return;
  }
  const problem = findLinkProblem(href);
  if (problem) ctx.fault(line, `Enlace externo no permitido «${href}»: ${problem}.`);
  out.push({ type: 'link', href, children });
}

function mergeTexts(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last?.type === 'text' && inline.type === 'text' && last.strong === inline.strong && last.em === inline.em) {
      out[out.length - 1] = { ...last, value: last.value + inline.value };
    } else out.push(inline);
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few HTML entities marked leaves in text, so Preact shows "&" and not "&amp;". */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

