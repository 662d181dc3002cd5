/** Throwaway content folders for the compiler tests: the real valores.yaml (unless given) and the files given. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** The repository's content folder. */
export const CONTENT = join(import.meta.dirname, '..', '..', 'src', 'content');

/** Returns a writer of content folders; each folder it made is removed after each test. */
export function useContentFolders(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    const all = { 'valores.yaml': readFileSync(join(CONTENT, 'valores.yaml'), 'utf8'), ...files };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
}
