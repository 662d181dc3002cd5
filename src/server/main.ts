import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { readConfig } from './config';

/**
 * `node dist/server/main.js`: reads the environment, opens and migrates the database, serves
 * the API and the PWA, and on SIGTERM/SIGINT stops taking requests, finishes the ones in
 * flight, then closes the database (Fastify's onClose).
 */
async function startServer(): Promise<void> {
  // dist/server/main.js → dist/client/: the build the server ships with.
  const config = readConfig(process.env, fileURLToPath(new URL('../client/', import.meta.url)), process.stdout.isTTY === true);
  const app = await buildApp(config);
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'stopping');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const url = describeAddress(config.host, config.port);
  app.log.info({ url, database: config.database.kind, clientDir: config.clientDir }, `Tinkuy listo. Ábralo en el navegador: ${url}`);
}

/** The address a person types in the browser: an "every interface" bind is reached as localhost. */
function describeAddress(host: string, port: number): string {
  const isAnyAddress = host === '0.0.0.0' || host === '::' || host === '';
  const name = isAnyAddress ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

startServer().catch((error: unknown) => {
  console.error('Tinkuy no pudo iniciar:', error);
  process.exit(1);
});
