import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendNotFound } from './error-handler';
import type { DoorPages } from './door-page';
import { choosePage, SHELL_PAGES } from '../../shared/shell-pages';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const MISSING_BUILD_TEXT =
  'Tinkuy: la aplicación web no está construida en este servidor. Ejecute "npm run build" y reinicie. La API (/api) funciona.';

/** Hashed files never change under their name; everything else is checked on each visit. */
export function chooseCacheControl(urlPath: string): string {
  return /^\/assets\//.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

/** Whether a request is a page navigation (a person opening a link), not an API or asset fetch. */
function isAppNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/** Whether `dir` holds a built client. */
export function hasClientBuild(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built PWA from `clientDir`, with deep links answered by the prerendered page for
 * their address (src/shared/shell-pages.ts; a participant's door by its own page, `doorPages`,
 * when its code names a workshop). Without a build the API still runs and pages answer a
 * Spanish 503 saying to build.
 */
export async function registerClientApp(app: FastifyInstance, clientDir: string, doorPages?: DoorPages): Promise<void> {
  const isBuilt = hasClientBuild(clientDir);
  if (isBuilt) {
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      index: ['index.html'],
      // Build internals (.vite/manifest.json, read by the door's pages) are not the app's to serve.
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const urlPath = `/${relative(clientDir, filePath).split(sep).join('/')}`;
        reply.header('Cache-Control', chooseCacheControl(urlPath));
      },
    });
  } else {
    app.get('/', (_request, reply) => sendMissingBuild(reply));
  }
  // A build from before the prerendered pages (#12) has index.html alone: it answers every address.
  const pages = new Set(Object.values(SHELL_PAGES).filter((page) => existsSync(join(clientDir, page))));
  app.setNotFoundHandler(async (request, reply) => {
    if (!isAppNavigation(request)) return sendNotFound(reply);
    if (!isBuilt) return sendMissingBuild(reply);
    void reply.header('Cache-Control', REVALIDATE);
    const doorPage = await renderDoorPage(request, doorPages);
    if (doorPage) return reply.type('text/html; charset=utf-8').send(doorPage);
    const page = choosePage(request.url.split('?')[0] ?? '/');
    return reply.sendFile(pages.has(page) ? page : SHELL_PAGES.home);
  });
}

/** The door's own page, or undefined (plain index.html) when there is none or it cannot be made now. */
async function renderDoorPage(request: FastifyRequest, doorPages: DoorPages | undefined): Promise<string | undefined> {
  try {
    return await doorPages?.render(request.url);
  } catch (error) {
    request.log.warn({ err: error }, 'door page fell back to index.html');
    return undefined;
  }
}

function sendMissingBuild(reply: FastifyReply): FastifyReply {
  return reply.code(503).header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(MISSING_BUILD_TEXT);
}
