/**
 * Where photos' bytes live (#13), named by their SHA-256: files under `TINKUY_DATA_DIR/media` on
 * the embedded SQLite server; the `media_objects` table on PostgreSQL, so every process behind a
 * load balancer serves the same photos (DESIGN.md § Scale). Storing is idempotent: the same bytes
 * twice are stored once.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { MediaType } from '../../shared/media';
import type { Database } from '../store/schema';

/** An image as stored. */
export interface StoredImage {
  type: MediaType;
  bytes: Buffer;
}

export interface MediaStore {
  /** Where the bytes are: files (removed one by one) or `media_objects` rows (removed by the sweep's own delete). */
  readonly kind: 'files' | 'database';
  /** Stores the image unless it is there already; true when this call stored it. */
  put(sha256: string, type: MediaType, bytes: Buffer, nowIso: string): Promise<boolean>;
  /** The image, or undefined when it never arrived (or was erased). */
  get(sha256: string): Promise<StoredImage | undefined>;
  /** Forgets these images (an erasure); missing ones are no error. */
  remove(sha256s: readonly string[]): Promise<void>;
  /** Deletes what a write cut short left behind (files: a `.tmp` older than `olderThanMs`); returns how many. */
  removeLeftovers(olderThanMs: number, nowMs: number): Promise<number>;
}

const EXTENSIONS: Record<MediaType, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** Files `<dir>/<first two hex digits>/<sha256>.<jpg|webp>`, written to a temporary name and renamed into place. */
export function createFileMediaStore(dir: string): MediaStore {
  const folder = (sha256: string) => join(dir, sha256.slice(0, 2));
  const pathOf = (sha256: string, type: MediaType) => join(folder(sha256), `${sha256}.${EXTENSIONS[type]}`);
  const read = async (sha256: string, type: MediaType): Promise<StoredImage | undefined> => {
    try {
      return { type, bytes: await readFile(pathOf(sha256, type)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const get = async (sha256: string) => (await read(sha256, 'image/jpeg')) ?? (await read(sha256, 'image/webp'));
  return {
    kind: 'files',
    get,
    async put(sha256, type, bytes) {
      if (await get(sha256)) return false;
      await mkdir(folder(sha256), { recursive: true });
      const temporary = `${pathOf(sha256, type)}.${randomBytes(6).toString('hex')}.tmp`;
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        // On disk before it is named: a power cut leaves a stray .tmp, never a half photo.
        await file.sync();
      } finally {
        await file.close();
      }
      // Two uploads of the same photo at once both rename onto the same, identical file.
      await rename(temporary, pathOf(sha256, type));
      return true;
    },
    async remove(sha256s) {
      for (const sha256 of sha256s) {
        for (const type of Object.keys(EXTENSIONS) as MediaType[]) await rm(pathOf(sha256, type), { force: true });
      }
    },
    async removeLeftovers(olderThanMs, nowMs) {
      const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
      let removed = 0;
      for (const entry of entries.filter((name) => name.endsWith('.tmp'))) {
        const path = join(dir, entry);
        // A younger one may be an upload being written right now.
        const modified = await stat(path).then((s) => s.mtimeMs, () => nowMs);
        if (nowMs - modified < olderThanMs) continue;
        await rm(path, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

/** Rows of `media_objects`; a second process storing the same photo at once finds the row there and does nothing. */
export function createDatabaseMediaStore(db: Kysely<Database>): MediaStore {
  return {
    kind: 'database',
    async put(sha256, type, bytes, nowIso) {
      const inserted = await db
        .insertInto('media_objects')
        .values({ sha256, content_type: type, size: bytes.length, data: bytes, stored_at: nowIso })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .returning('sha256')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async get(sha256) {
      const row = await db.selectFrom('media_objects').select(['content_type', 'data']).where('sha256', '=', sha256).executeTakeFirst();
      return row ? { type: row.content_type as MediaType, bytes: Buffer.from(row.data) } : undefined;
    },
    async remove(sha256s) {
      if (sha256s.length > 0) await db.deleteFrom('media_objects').where('sha256', 'in', sha256s).execute();
    },
    // A row is written whole or not at all.
    removeLeftovers: async () => 0,
  };
}

/** The store for this server: the database on PostgreSQL, files beside the SQLite database otherwise. */
export function openMediaStore(engine: 'sqlite' | 'postgres', db: Kysely<Database>, dataDir: string): MediaStore {
  return engine === 'postgres' ? createDatabaseMediaStore(db) : createFileMediaStore(join(dataDir, 'media'));
}
