import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../../src/server/store/database';
import { migrateToLatest } from '../../../src/server/store/migrate';

/** PostgreSQL for the tests, when the run provides one (CI sets TEST_DATABASE_URL). */
export const postgresUrl = process.env.TEST_DATABASE_URL;

/** A migrated store of one engine, and how to throw it away. */
export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

/** A fresh SQLite file in its own temporary folder, migrated. */
export async function openSqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tinkuy-places-'));
  const store = openStore({ kind: 'sqlite', file: path.join(dir, 'tinkuy.db') });
  await migrateToLatest(store.db);
  return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A fresh schema in the test PostgreSQL database, migrated; dropped on dispose. */
export async function openPostgresTestStore(url: string): Promise<TestStore> {
  const schema = `places_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const store = openStore({ kind: 'postgres', url, schema });
  await migrateToLatest(store.db);
  return {
    store,
    dispose: async () => {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}
