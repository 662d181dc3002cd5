import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { DistrictsQuery, type DistrictsResponse } from '../../shared/places/place-schemas';
import type { AppContext } from '../context';
import { parseOrThrow } from '../http/errors';
import type { PlacesTable } from '../places/places-store';
import type { Database } from '../store/schema';

/**
 * The districts of one region, for anyone (like the catalogue). They are not in the catalogue
 * pull: 1,891 districts would push a phone's first download past its budget, and a phone needs
 * only the regions it plans in. The ETag is the region's newest version and row count, so a phone
 * that already has them revalidates with a 304 of a few bytes.
 */
async function readRegionDistricts(db: Kysely<Database>, region: string): Promise<{ tag: string; body: DistrictsResponse }> {
  const rows = await db.withTables<{ places: PlacesTable }>()
    .selectFrom('places').select(['code', 'name', 'deleted', 'version'])
    .where('level', '=', 'district').where('region_code', '=', region).orderBy('code').execute();
  const newest = rows.reduce((max, row) => Math.max(max, Number(row.version)), 0);
  const live = rows.filter((row) => row.deleted === 0);
  return { tag: `"d${region}-${newest}-${live.length}"`, body: { region, districts: live.map((row) => [row.code, row.name]) } };
}

/** `GET /api/places/districts?region=21`. */
export function registerPlacesRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/places/districts', async function handleRegionDistricts(request, reply) {
    const { region } = parseOrThrow(DistrictsQuery, request.query);
    const { tag, body } = await readRegionDistricts(ctx.db, region);
    reply.header('ETag', tag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === tag) return reply.code(304).send();
    return reply.send(body);
  });
}
