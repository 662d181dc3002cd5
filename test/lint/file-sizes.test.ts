import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './import-rules';

/** The house rule (PREAMBLE, STYLE): no source file passes 300 lines; most stay under 200. */
const MAX_LINES = 300;

/** The code under src: TypeScript and CSS (the catalogue's Markdown and YAML are content, not code). */
const CODE = /\.(ts|tsx|mts|css)$/;

/** Lines as an editor numbers them: a final newline does not open another line. */
function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every code file under `dir`, as repository paths with posix separators. */
function listCode(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listCode(path);
    return CODE.test(entry.name) ? [path.split(sep).join('/')] : [];
  });
}

/** `src/x.ts: 301 lines` for each file over the limit. */
function findOversized(files: ReadonlyArray<{ file: string; text: string }>, max = MAX_LINES): string[] {
  return files.filter(({ text }) => countLines(text) > max).map(({ file, text }) => `${file}: ${countLines(text)} lines`);
}

describe('source files stay small', () => {
  it(`no code file under src passes ${MAX_LINES} lines`, () => {
    const files = listCode('src').map((file) => ({ file, text: readFileSync(join(REPO_ROOT, file), 'utf8') }));
    expect(files.length).toBeGreaterThan(200);
    expect(findOversized(files)).toEqual([]);
  });

  it.each([
    ['300 lines and a final newline', `${'x\n'.repeat(300)}`, []],
    ['301 lines', `${'x\n'.repeat(301)}`, ['src/big.ts: 301 lines']],
    ['301 lines without a final newline', `${'x\n'.repeat(300)}x`, ['src/big.ts: 301 lines']],
  ])('counts %s', (_case, text, expected) => {
    expect(findOversized([{ file: 'src/big.ts', text }])).toEqual(expected);
  });
});
