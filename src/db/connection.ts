import type { DexieOptions } from 'dexie';
import { CatalogueDb } from './catalogue-db';
import { StorageError } from './storage-errors';
import { UserDb, type UserDbOptions } from './user-db';

/** Both device databases. */
export interface Databases {
  user: UserDb;
  catalogue: CatalogueDb;
}

type VersionChangeListener = () => void;
const versionChangeListeners = new Set<VersionChangeListener>();
let current: Databases | undefined;

/**
 * Opens (lazily) both databases. Throws a StorageError `storage_unavailable` where IndexedDB
 * does not exist (some private modes). When another tab opens a newer schema, both databases
 * close and the `onVersionChange` listeners run, so the UI can ask for a reload.
 */
export function openDatabases(options: UserDbOptions = {}): Databases {
  const scope = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
  const factory = options.indexedDB ?? scope.indexedDB;
  if (!factory) throw new StorageError('storage_unavailable');
  const dexieOptions: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = { indexedDB: factory };
  // Read now, not when Dexie loaded: a worker or test may install IndexedDB after that.
  const keyRange = options.IDBKeyRange ?? scope.IDBKeyRange;
  if (keyRange) dexieOptions.IDBKeyRange = keyRange;
  const user = new UserDb(options.now ? { ...dexieOptions, now: options.now } : dexieOptions);
  const catalogue = new CatalogueDb(dexieOptions);
  for (const db of [user, catalogue]) {
    db.on('versionchange', () => {
      db.close();
      for (const listener of versionChangeListeners) listener();
      return false;
    });
  }
  return { user, catalogue };
}

/** The app's databases, opened on first use. */
export function getDatabases(): Databases {
  current ??= openDatabases();
  return current;
}

/** Replaces the app's databases (tests give each case a fresh IDBFactory). */
export function useDatabases(databases: Databases | undefined): void {
  current = databases;
}

/** Calls `listener` when a newer version of the app opened the databases in another tab. */
export function onVersionChange(listener: VersionChangeListener): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}
