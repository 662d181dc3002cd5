/**
 * What the server does with the catalogue when it starts: load the built catalogue into the
 * store (see load-catalogue.ts for the build-versus-app rule) and seed the places: the RED's
 * regions and provinces always, INEI's districts on a first start (../places/seed-places.ts).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { seedPlaces } from '../places/seed-places';
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
  const places = await seedPlaces(db, now);
  log.info({ places }, places.carriedDirectory ? 'lugares cargados: regiones, provincias y distritos del INEI' : 'regiones y provincias al día');
}
