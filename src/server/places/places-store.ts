/**
 * The `places` table: RED regions, provinces and districts, written only by the importer and
 * read by the catalogue pull. Every change takes a version from the one global counter inside
 * the import transaction, so devices pulling `version > cursor` receive exactly what changed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Change } from '../../shared/protocol';
import { makePlaceId, type PlaceLevel, type PlaceRow } from '../../shared/places/place-row';
import { PROVINCES, regionOfPlace } from '../../shared/places/provinces';
import { REGIONS } from '../../shared/places/regions';
import type { Database } from '../store/schema';
import { runInTransaction } from '../store/transaction';
import { nextVersion, takeVersions } from '../store/version';

/** Rows per INSERT: 9 columns × 200 stays far under SQLite's and PostgreSQL's parameter limits. */
const INSERT_BATCH = 200;

/** The `places` table as Kysely sees it (same columns on SQLite and PostgreSQL). */
export interface PlacesTable {
  id: string;
  code: string;
  level: PlaceLevel;
  name: string;
  parent_code: string | null;
  region_code: string;
  deleted: number;
  version: number;
  updated_at: string;
}

type PlacesDatabase = Database & { places: PlacesTable };

/** What an import did: rows added, changed, left alone and retired, and the versions taken. */
export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Districts in the store but not in this import, left as they were. */
  absent: number;
  versionsTaken: number;
}

/** How to import: retire districts missing from the input only when it is a full directory. */
export interface ImportOptions {
  removeMissing?: boolean;
  now?: Date;
}

/** The district fields the store keeps. */
export type DistrictInput = { code: string; name: string };

/**
 * The rows a directory stands for: the 26 RED regions and 196 provinces (from our compiled
 * lists, so their names are always ours) and the districts given. Throws on a district whose
 * province is not ours: the directory reader reports and leaves those out first.
 */
export function buildPlaceRows(districts: readonly DistrictInput[]): PlaceRow[] {
  const regions = REGIONS.map((r): PlaceRow => ({
    id: makePlaceId('region', r.code), level: 'region', code: r.code, name: r.name, parentCode: null, regionCode: r.code,
  }));
  const provinces = PROVINCES.map((p) => makeChildRow('province', p.code, p.name, regionOfPlace(p.code) ?? ''));
  const rows = districts.map((d) => makeChildRow('district', d.code, d.name, d.code.slice(0, 4)));
  return [...regions, ...provinces, ...rows];
}

function makeChildRow(level: 'province' | 'district', code: string, name: string, parentCode: string): PlaceRow {
  const regionCode = regionOfPlace(code);
  if (regionCode === undefined || parentCode === '') throw new Error(`Lugar sin región conocida: ${code}`);
  return { id: makePlaceId(level, code), level, code, name, parentCode, regionCode };
}

/**
 * Upserts every region, province and district in one transaction. A row that is already
 * there with the same name and parents is left alone and takes no version, so importing the
 * same file twice changes nothing; a renamed or restored place takes a new version.
 */
export async function importPlaces(
  db: Kysely<Database>, districts: readonly DistrictInput[], options: ImportOptions = {},
): Promise<ImportSummary> {
  const desired = buildPlaceRows(districts);
  const updatedAt = (options.now ?? new Date()).toISOString();
  return runInTransaction(db, async (trx) => {
    const places = trx.withTables<{ places: PlacesTable }>();
    const stored = await places.selectFrom('places').selectAll().execute();
    const existing = new Map(stored.map((row) => [row.id, row]));
    const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0, removed: 0, absent: 0, versionsTaken: 0 };
    const changed: Array<{ row: PlaceRow; isNew: boolean }> = [];
    for (const row of desired) {
      const old = existing.get(row.id);
      existing.delete(row.id);
      if (old && isSamePlace(old, row)) summary.unchanged += 1;
      else changed.push({ row, isNew: old === undefined });
    }
    await writeChanged(trx, places, changed, updatedAt, summary);
    await retireAbsent(trx, places, [...existing.values()], options.removeMissing === true, updatedAt, summary);
    return summary;
  });
}

// Every new or changed place, stamped with one block of consecutive versions; new ones inserted
// in batches (a first start writes about 2,100 rows: one statement each took seconds on PostgreSQL).
async function writeChanged(
  trx: Transaction<Database>, places: Transaction<PlacesDatabase>, changed: ReadonlyArray<{ row: PlaceRow; isNew: boolean }>,
  updatedAt: string, summary: ImportSummary,
): Promise<void> {
  if (changed.length === 0) return;
  const first = await takeVersions(trx, changed.length);
  summary.versionsTaken += changed.length;
  const values = changed.map(({ row }, i) => ({ ...toColumns(row), deleted: 0, version: first + i, updated_at: updatedAt }));
  const inserts = values.filter((_, i) => changed[i]!.isNew);
  for (let start = 0; start < inserts.length; start += INSERT_BATCH) {
    await places.insertInto('places').values(inserts.slice(start, start + INSERT_BATCH)).execute();
  }
  for (const value of values.filter((_, i) => !changed[i]!.isNew)) {
    await places.updateTable('places').set(value).where('id', '=', value.id).execute();
  }
  summary.inserted += inserts.length;
  summary.updated += values.length - inserts.length;
}

// Places in the store that the import did not name: tombstoned when asked, else counted.
async function retireAbsent(
  trx: Transaction<Database>, places: Transaction<PlacesDatabase>, rows: PlacesTable[],
  shouldRemove: boolean, updatedAt: string, summary: ImportSummary,
): Promise<void> {
  for (const row of rows.filter((r) => r.deleted === 0)) {
    if (!shouldRemove) {
      summary.absent += 1;
      continue;
    }
    const version = await nextVersion(trx);
    await places.updateTable('places').set({ deleted: 1, version, updated_at: updatedAt }).where('id', '=', row.id).execute();
    summary.removed += 1;
    summary.versionsTaken += 1;
  }
}

function isSamePlace(old: PlacesTable, row: PlaceRow): boolean {
  return old.deleted === 0 && old.name === row.name && old.parent_code === row.parentCode && old.region_code === row.regionCode
    && old.code === row.code && old.level === row.level;
}

function toColumns(row: PlaceRow): Pick<PlacesTable, 'id' | 'code' | 'level' | 'name' | 'parent_code' | 'region_code'> {
  return { id: row.id, code: row.code, level: row.level, name: row.name, parent_code: row.parentCode, region_code: row.regionCode };
}

/** A stored row in the shape devices pull. */
export function toPlaceRow(row: Pick<PlacesTable, 'id' | 'code' | 'level' | 'name' | 'parent_code' | 'region_code'>): PlaceRow {
  return { id: row.id, level: row.level, code: row.code, name: row.name, parentCode: row.parent_code, regionCode: row.region_code };
}

/**
 * The place changes a catalogue pull sends: rows with `version > cursor`, oldest first,
 * tombstones as `{deleted: true}` without a row. For the integrator's pull handler.
 */
export async function listPlaceChanges(db: Kysely<Database>, cursor: number, limit: number): Promise<Change<PlaceRow>[]> {
  const rows = await db.withTables<{ places: PlacesTable }>()
    .selectFrom('places').selectAll().where('version', '>', cursor).orderBy('version').limit(limit).execute();
  return rows.map((row) => (row.deleted
    ? { table: 'places', id: row.id, version: Number(row.version), deleted: true as const }
    : { table: 'places', id: row.id, version: Number(row.version), row: toPlaceRow(row) }));
}

/** How many live places of each level the store holds. */
export async function countPlaces(db: Kysely<Database>): Promise<Record<PlaceLevel, number>> {
  const rows = await db.withTables<{ places: PlacesTable }>()
    .selectFrom('places').select(['level', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('deleted', '=', 0).groupBy('level').execute();
  const counts: Record<PlaceLevel, number> = { region: 0, province: 0, district: 0 };
  for (const row of rows) counts[row.level] = Number(row.n);
  return counts;
}
