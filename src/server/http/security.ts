import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { SHELL_PAGES } from '../../shared/shell-pages';

/**
 * The Content-Security-Policy: everything from our own origin, no 'unsafe-inline', no framing.
 * The one inline piece is each page's <style> (the first screen's CSS rides in the HTML, #12):
 * allowed by its own sha256, read from the built pages when the server starts. A field phone on
 * a shared network gets no injected script or style.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** The CSP source for `text` as a browser hashes an inline element's content. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hashes of the inline <style> and <script> (one with no src) elements of the built pages in `clientDir`. */
export function findInlineHashes(clientDir: string): { styles: string[]; scripts: string[] } {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  for (const page of Object.values(SHELL_PAGES)) {
    const path = join(clientDir, page);
    if (!existsSync(path)) continue;
    const html = readFileSync(path, 'utf8');
    for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) styles.add(cspHash(match[1]!));
    for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) scripts.add(cspHash(match[1]!));
  }
  return { styles: [...styles], scripts: [...scripts] };
}

/** Security headers on every answer, API and app alike; `clientDir`'s inline pieces allowed by hash. */
export async function registerSecurityHeaders(app: FastifyInstance, clientDir: string): Promise<void> {
  const inline = findInlineHashes(clientDir);
  const directives = {
    ...CSP_DIRECTIVES,
    scriptSrc: [...CSP_DIRECTIVES.scriptSrc, ...inline.scripts],
    styleSrc: [...CSP_DIRECTIVES.styleSrc, ...inline.styles],
  };
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives } });
}
