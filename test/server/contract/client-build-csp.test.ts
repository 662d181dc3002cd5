import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILT_INDEX = join(process.cwd(), 'dist', 'client', 'index.html');

/** The CSP forbids inline script and style; the built page must not need them. */
describe('the built index.html under the strict CSP', () => {
  // `npm test` builds first; a bare server run without a build has nothing to check.
  it.skipIf(!existsSync(BUILT_INDEX))('has no inline script, no inline style and no event-handler attributes', () => {
    const html = readFileSync(BUILT_INDEX, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
