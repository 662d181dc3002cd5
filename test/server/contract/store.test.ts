import { describe, expect, it } from 'vitest';
import { countAppliedMigrations, migrateToLatest } from '../../../src/server/store/migrate';
import { MIGRATIONS } from '../../../src/server/store/migrations/index';
import { runInTransaction } from '../../../src/server/store/transaction';
import { nextVersion, readCurrentVersion } from '../../../src/server/store/version';
import { ENGINES, type TestServer, useTestServer } from '../../helpers/server-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)('store on %s', (engine) => {
  let server: TestServer;
  useTestServer(engine, (started) => (server = started));

  it('migrations run once: a second start applies nothing and the schema count stays', async () => {
    expect(await countAppliedMigrations(server.store.db)).toBe(Object.keys(MIGRATIONS).length);
    expect(await migrateToLatest(server.store.db)).toBe(Object.keys(MIGRATIONS).length);
  });

  it('nextVersion hands out one rising value per call, and a rolled-back transaction keeps none visible', async () => {
    const before = await readCurrentVersion(server.store.db);
    const taken = await server.store.db.transaction().execute(async (trx) => [await nextVersion(trx), await nextVersion(trx)]);
    expect(taken).toEqual([before + 1, before + 2]);
    await expect(
      server.store.db.transaction().execute(async (trx) => {
        await nextVersion(trx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await readCurrentVersion(server.store.db)).toBe(before + 2);
  });

  it('two transactions racing to create the same row both finish: the loser retries and finds it', async () => {
    const email = `carrera-${engine}@tinkuy.test`;
    let attempts = 0;
    const createOnce = () =>
      runInTransaction(server.store.db, async (trx) => {
        attempts += 1;
        const found = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        if (found) return 'found';
        // Both look before either writes: on PostgreSQL the second insert waits, then fails 23505.
        await pause(100);
        const now = new Date().toISOString();
        await trx
          .insertInto('users')
          .values({ id: crypto.randomUUID(), email, name: 'Carrera', roles: '["gestor"]', password_hash: 'x', disabled: 0, created_at: now, updated_at: now })
          .execute();
        return 'created';
      });
    const outcomes = await Promise.all([createOnce(), createOnce()]);
    expect(outcomes.sort()).toEqual(['created', 'found']);
    const rows = await server.store.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(rows).toHaveLength(1);
    // SQLite serialises the two transactions (2 attempts); PostgreSQL needs the retry (3).
    expect(attempts).toBe(engine === 'postgres' ? 3 : 2);
  });
});
