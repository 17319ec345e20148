/**
 * `INVITEKIT_TEST_STORE_MODULE` for the engine's own tests: `createStore(initial)` answers the SQL store holding
 * `initial`. One database per test process, reset by `replaceAll` for each store (a test file's tests run one
 * after another): PGlite by default, or a throwaway PostgreSQL when `INVITEKIT_TEST_SQL=postgres`.
 */
import type { MockState, Store } from '@invitekit/engine';
import type { OpenDatabase } from '../../packages/server/src/db/connect.js';
import { SqlStore } from '../../packages/server/src/store/sql-store.js';

let shared: Promise<OpenDatabase> | undefined;

async function open(): Promise<OpenDatabase> {
  if (process.env['INVITEKIT_TEST_SQL'] === 'postgres') {
    const { startPostgres } = await import('./postgres.js');
    const { openDatabase } = await import('../../packages/server/src/db/connect.js');
    const { migrate } = await import('../../packages/server/src/db/migrate.js');
    const server = await startPostgres();
    const database = await openDatabase(await server.createDatabase('engine_tests'));
    await migrate(database.db);
    return database;
  }
  const { freshPglite } = await import('./pglite.js');
  return freshPglite();
}

export async function createStore(initial: MockState): Promise<Store> {
  shared ??= open();
  const store = new SqlStore((await shared).db);
  await store.transaction((tx) => tx.replaceAll(initial));
  return store;
}
