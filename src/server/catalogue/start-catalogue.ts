/**
 * What the server does with the catalogue when it starts: load the built catalogue into the
 * store (see load-catalogue.ts for the build-versus-app rule) and seed the RED's regions and
 * provinces, so a device's first catalogue pull has every place a form needs. Districts come
 * only through `npm run import:places -- FILE`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { importPlaces } from '../places/places-store';
import type { Database } from '../store/schema';
import { readBuiltCatalogue, type BuiltCatalogue } from './catalogue-source';
import { loadCatalogue } from './load-catalogue';

let compiledOnce: BuiltCatalogue | undefined;

// Read once per process: tests start many servers, and the build does not change under them.
function readCatalogueOnce(): BuiltCatalogue | undefined {
  compiledOnce ??= readBuiltCatalogue();
  return compiledOnce;
}

/** Loads the catalogue and seeds places; logs what changed. Idempotent: a restart takes no versions. */
export async function startCatalogue(db: Kysely<Database>, engine: 'sqlite' | 'postgres', log: FastifyBaseLogger, now = new Date()): Promise<void> {
  const built = readCatalogueOnce();
  if (built) {
    const summary = await loadCatalogue(db, engine, built.catalogue, built.sources, now);
    log.info({ origin: built.origin, ...summary }, 'catálogo cargado');
  } else {
    log.warn('No se encontró catalogue.json: se sirve el catálogo que ya tiene la base de datos.');
  }
  const places = await importPlaces(db, [], { now });
  log.info({ places }, 'regiones y provincias al día');
}
