/**
 * Parses YAML and validates it with a valibot schema, mapping every problem back to the line
 * of the file where it sits (front matter starts a few lines into its Markdown file).
 */
import * as v from 'valibot';
import { Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import type { Fault } from './faults';

/** Spanish words for the YAML errors authors meet most; the parser's own text follows. */
const YAML_ERRORS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'clave repetida',
  BAD_INDENT: 'sangría incorrecta o corchete sin cerrar',
  MISSING_CHAR: 'falta un carácter de cierre',
  MULTILINE_IMPLICIT_KEY: 'falta ":" o las comillas no cierran',
  UNEXPECTED_TOKEN: 'carácter inesperado',
  TAB_AS_INDENT: 'use espacios, no tabuladores, para la sangría',
  BLOCK_AS_IMPLICIT_KEY: 'falta ":" después de la clave, o un texto lleva ": " y debe ir entre comillas',
};

/** The parsed value (when valid), its faults, and a way to find the line of any path. */
export interface YamlResult<T> {
  value: T | undefined;
  faults: Fault[];
  lineOf: (path: (string | number)[]) => number;
}

/** Parses `text` (whose first line is line `firstLine` of `file`) and validates it. */
export function parseYamlWith<S extends v.GenericSchema>(
  schema: S,
  text: string,
  file: string,
  firstLine = 1,
): YamlResult<v.InferOutput<S>> {
  const aliasLine = findAnchorOrAlias(text);
  if (aliasLine !== undefined) {
    const fault = { file, line: aliasLine + firstLine - 1, message: 'YAML no válido: no se admiten anclas ni alias (& y * al inicio de un valor); escriba cada valor completo.' };
    return { value: undefined, faults: [fault], lineOf: () => firstLine };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAtOffset = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: (string | number)[]) => findLine(doc, path, lineAtOffset) ?? firstLine;
  const faults: Fault[] = doc.errors.map((error) => ({
    file,
    line: lineAtOffset(error.pos[0]),
    message: `YAML no válido: ${YAML_ERRORS[error.code] ?? 'revise la sintaxis'} (${error.message.split('\n')[0]}).`,
  }));
  if (faults.length > 0) return { value: undefined, faults, lineOf };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Anything the converter still refuses (nesting beyond the stack…) is the author's fault to fix, not a crash.
    const fault = { file, line: firstLine, message: `YAML no válido: no se pudo leer (${error instanceof Error ? error.message.slice(0, 80) : 'error'}).` };
    return { value: undefined, faults: [fault], lineOf };
  }
  const result = v.safeParse(schema, data ?? {});
  if (result.success) return { value: result.output, faults, lineOf };
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    faults.push({ file, line: lineOf(path), message: describeIssue(path, issue) });
  }
  return { value: undefined, faults, lineOf };
}

/** Lexer markers that are not source text (document start, scalar, flow end, BOM). */
const LEXER_MARKERS = new Set(['\u0002', '\u0018', '\u001f', '\ufeff']);

/**
 * The 1-based line of the first anchor (`&a`) or alias (`*a`), or undefined. Catalogue sources
 * need neither, and aliases are how a few hundred bytes expand into millions of values (the
 * "billion laughs") or cost seconds to resolve: refused before the document is built. Only the
 * lexer runs, so `&` or `*` inside a text stays text.
 */
function findAnchorOrAlias(text: string): number | undefined {
  let line = 1;
  for (const token of new Lexer().lex(text)) {
    if (token.length > 1 && (token[0] === '&' || token[0] === '*')) return line;
    if (LEXER_MARKERS.has(token)) continue;
    for (const char of token) if (char === '\n') line += 1;
  }
  return undefined;
}

/** The line of the node at `path`, or of its nearest ancestor that exists. */
function findLine(doc: Document, path: (string | number)[], lineAtOffset: (o: number) => number): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : findNode(doc, path.slice(0, depth));
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lineAtOffset(range[0]);
  }
  return undefined;
}

/** The node at `path`; a key written as a number in YAML (`2026:`) is found by its digits too. */
function findNode(doc: Document, path: (string | number)[]): unknown {
  const exact = doc.getIn(path, true);
  if (exact !== undefined) return exact;
  const numeric = path.map((key) => (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key));
  return doc.getIn(numeric, true);
}

/** A Spanish sentence for a schema issue, prefixed with the field it concerns. */
function describeIssue(path: (string | number)[], issue: v.BaseIssue<unknown>): string {
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  if (issue.expected === 'never') return `${where}campo desconocido.`;
  if (issue.received === 'undefined') return `${where}falta este campo.`;
  if (issue.message.startsWith('Invalid')) return `${where}valor no válido (se esperaba ${issue.expected}, se recibió ${issue.received}).`;
  return `${where}${issue.message}`;
}
