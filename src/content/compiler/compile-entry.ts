/**
 * Compiles one `entries/<id>.md`: YAML front matter between `---` lines, then the Markdown
 * body. Cross-entry checks (links, related ids) wait until every entry is read.
 */
import { basename } from 'node:path';
import { EntryFrontMatter, type Entry } from '../../shared/catalogue/entry';
import { deriveSearchText } from '../../shared/catalogue/plain-text';
import type { InternalLink } from './body-context';
import { checkNoYearlyAmounts, checkNormsHaveSources, findLinkProblem, readEntryLines } from './content-rules';
import type { Fault } from './faults';
import { compileBody, type BodyOptions } from './markdown-blocks';
import { parseYamlWith } from './yaml-source';

/** An entry without its content hash, plus what still needs checking against the others. */
export interface EntryDraft {
  entry: Omit<Entry, 'version'> | undefined;
  faults: Fault[];
  links: InternalLink[];
  related: InternalLink[];
}

/**
 * Front matter holds a title, a summary and a few sources (the longest today is ~2,200
 * characters). Beyond this it is not an entry but a load on the parser (security report L3).
 */
export const MAX_FRONT_MATTER_CHARS = 8_000;

/** Compiles the Markdown `text` of `file` (a display path ending in `<id>.md`); `options` gives the yearly values. */
export function compileEntry(file: string, text: string, options: BodyOptions = {}): EntryDraft {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const close = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  if (close < 0) {
    const fault = { file, line: 1, message: 'Falta el encabezado YAML: la entrada debe empezar con una línea --- y cerrarlo con otra ---.' };
    return { entry: undefined, faults: [fault], links: [], related: [] };
  }
  const frontText = lines.slice(1, close).join('\n');
  if (frontText.length > MAX_FRONT_MATTER_CHARS) {
    const fault = { file, line: 2, message: `El encabezado YAML es demasiado largo (${frontText.length} caracteres; máximo ${MAX_FRONT_MATTER_CHARS}): el detalle va en el cuerpo de la entrada.` };
    return { entry: undefined, faults: [fault], links: [], related: [] };
  }
  const yaml = parseYamlWith(EntryFrontMatter, frontText, file, 2);
  const body = compileBody(lines.slice(close + 1).join('\n'), file, close + 2, options);
  const faults = [...yaml.faults, ...findTokensInFrontMatter(file, lines.slice(0, close)), ...body.context.faults];
  const expectedId = basename(file, '.md');
  const front = yaml.value;
  if (front && front.id !== expectedId) {
    faults.push({ file, line: yaml.lineOf(['id']), message: `El id «${front.id}» debe ser igual al nombre del archivo («${expectedId}»).` });
  }
  if (front) {
    const prose = readEntryLines(front, lines, close, yaml.lineOf);
    faults.push(...checkNormsHaveSources(file, prose, front.sources), ...checkNoYearlyAmounts(file, prose, options.valores ?? new Map()));
    front.sources.forEach((source, i) => {
      const problem = source.url === undefined ? undefined : findLinkProblem(source.url);
      if (problem) faults.push({ file, line: yaml.lineOf(['sources', i, 'url']), message: `sources.${i}.url: dirección no permitida, ${problem}.` });
    });
  }
  if (!front || faults.length > 0) return { entry: undefined, faults, links: body.context.links, related: [] };
  const related = front.related.map((id, i) => ({ id, line: yaml.lineOf(['related', i]) }));
  // The same function a device runs on an entry pulled without it (shared/catalogue/plain-text).
  const searchText = deriveSearchText({ title: front.title, summary: front.summary, body: body.blocks });
  const entry = { ...front, body: body.blocks, toc: body.toc, searchText };
  return { entry, faults, links: body.context.links, related };
}

/** Title, summary and sources are plain text: a yearly value there would show as `{{…}}`. */
function findTokensInFrontMatter(file: string, lines: string[]): Fault[] {
  return lines.flatMap((line, i) =>
    line.includes('{{') ? [{ file, line: i + 1, message: 'Los valores {{valor:…}} solo van en el cuerpo de la entrada, no en el encabezado.' }] : [],
  );
}
