import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { SERVER_BUILD } from './app-version';
import { ensureFirstAccount } from './auth/bootstrap';
import { readServedBuild } from './build-info';
import type { ServerConfig, TrustProxy } from './config';
import type { AppContext } from './context';
import { registerClientApp } from './http/client-app';
import { createDoorPages } from './http/door-page';
import { findWorkshopByCode } from './workshops/workshop-store';
import { installErrorHandler } from './http/error-handler';
import { registerSecurityHeaders } from './http/security';
import { createPrettyLogStream, formatPasswordBox } from './log/pretty-log';
import { startCatalogue } from './catalogue/start-catalogue';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerCatalogueRoutes } from './routes/catalogue';
import { registerCertificateRoutes } from './routes/certificates';
import { registerHealthRoutes } from './routes/health';
import { registerMediaRoutes } from './routes/media';
import { openMediaStore } from './media/media-store';
import { DEFAULT_MEDIA_LIMITS } from './media/media-limits';
import { registerPlacesRoutes } from './routes/places';
import { registerReportRoutes } from './routes/reports';
import { registerSyncRoutes } from './routes/sync';
import { registerWorkshopRoutes } from './routes/workshops';
import { openStore, type Store } from './store/database';
import { migrateToLatest } from './store/migrate';
import { DEFAULT_HTTP_TIMEOUTS, toFastifyTimeouts } from './timeouts';
import { installBodyDeadlines } from './http/body-deadline';
import { MAX_MEDIA_BYTES } from '../shared/media';

/** Test seams: a clock to move time, an already open store. */
export interface AppOptions {
  now?: () => number;
  store?: Store;
  /** Where the JSON log goes (stdout by default); tests read the first-start password from it. */
  logStream?: NodeJS.WritableStream;
}

/** Bodies other than a push are small: a login, a refresh token. */
const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Builds the whole server — API and the built PWA — without listening, so tests call
 * `app.inject`. Opens the database, applies migrations and creates the first account if none
 * exists. Closing the app closes the database.
 */
export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<FastifyInstance> {
  const store = options.store ?? openStore(config.database);
  const httpTimeouts = config.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...chooseLogStream(config, options.logStream) },
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: toTrustFunction(config.trustProxy),
    // A client trickling its body, or holding a silent socket, is cut (security report L7).
    ...toFastifyTimeouts(httpTimeouts, MAX_MEDIA_BYTES),
  });
  app.addHook('onClose', async () => store.close());
  try {
    await migrateToLatest(store.db);
    await bootstrapAccount(app, store, config);
    await startCatalogue(store.db, store.engine, app.log, new Date((options.now ?? Date.now)()));
    const ctx: AppContext = { db: store.db, engine: store.engine, now: options.now ?? Date.now };
    // Only JSON bodies: text/plain would otherwise be accepted and fail later with a vaguer error.
    app.removeContentTypeParser('text/plain');
    installErrorHandler(app);
    installBodyDeadlines(app, httpTimeouts);
    await registerSecurityHeaders(app, config.clientDir);
    await app.register(compress, { encodings: ['gzip', 'deflate'], requestEncodings: ['gzip', 'identity'] });
    registerHealthRoutes(app, ctx, readServedBuild(config.clientDir) ?? SERVER_BUILD);
    registerAuthRoutes(app, ctx);
    registerSyncRoutes(app, ctx);
    registerWorkshopRoutes(app, ctx);
    registerCatalogueRoutes(app, ctx);
    registerPlacesRoutes(app, ctx);
    registerReportRoutes(app, ctx);
    registerCertificateRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    await registerMediaRoutes(app, ctx, openMediaStore(store.engine, store.db, config.dataDir), config.mediaLimits ?? DEFAULT_MEDIA_LIMITS);
    await registerClientApp(app, config.clientDir, createDoorPages(config.clientDir, (code) => findWorkshopByCode(ctx.db, code)));
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Fastify's own hop count now trusts nothing (it cannot tell the proxy from a client), so a
 * count is given as proxy-addr's trust function: the socket's peer and the N-1 hops behind it
 * are proxies, and the client is the next address to the left, the one the last trusted proxy
 * appended. The server must then be reachable only through the proxy (README).
 */
function toTrustFunction(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

// JSON to the given stream (or stdout), or readable lines for a terminal.
function chooseLogStream(config: ServerConfig, stream: NodeJS.WritableStream | undefined): { stream?: NodeJS.WritableStream } {
  if (config.logFormat === 'pretty') return { stream: createPrettyLogStream(stream ?? process.stdout) };
  return stream ? { stream } : {};
}

async function bootstrapAccount(app: FastifyInstance, store: Store, config: ServerConfig): Promise<void> {
  const admin = {
    ...(config.adminEmail ? { email: config.adminEmail } : {}),
    ...(config.adminPassword ? { password: config.adminPassword } : {}),
  };
  const result = await ensureFirstAccount(store.db, admin);
  if (!result.created) return;
  if (result.generatedPassword) {
    // Printed once, on this first start only; the coordinador should change it. A log level
    // that drops warnings (error, silent) must not swallow the only copy: it goes to stderr.
    // Readable logs draw it in a box (pretty-log.ts); JSON logs keep it as fields.
    if (config.logLevel === 'silent' || config.logLevel === 'error') {
      process.stderr.write(`${formatPasswordBox(result.email, result.generatedPassword)}\n`);
    } else {
      const notice = 'Primera cuenta de coordinación creada con una contraseña de un solo uso: anótela; al entrar con ella se elige la propia.';
      app.log.warn({ email: result.email, oneTimePassword: result.generatedPassword }, notice);
    }
  } else {
    app.log.info({ email: result.email }, 'Primera cuenta de coordinación creada.');
  }
}
