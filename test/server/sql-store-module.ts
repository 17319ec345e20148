/**
 * `INVITEKIT_TEST_STORE_MODULE` for the engine's own tests: `createStore(initial)` answers a SQL store holding
 * `initial`, each in a database of its own (a test may run two engines side by side). On a throwaway PostgreSQL
 * (the default: one cluster per test process, each store a `CREATE DATABASE … TEMPLATE` copy of a migrated one,
 * ~0.1 s) or, with `INVITEKIT_TEST_SQL=pglite`, on PGlite (a copy of the migrated template directory per store,
 * ~1 s each to open).
 */
import type { ControlledStore, StoreState } from '@invitekit/engine';
import { type OpenDatabase, openDatabase } from '../../packages/server/src/db/connect.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';
import { type RunningPostgres, startPostgres } from '../../tools/postgres.js';

let cluster: Promise<RunningPostgres> | undefined;
let count = 0;

async function migratedCluster(): Promise<RunningPostgres> {
  const postgres = await startPostgres();
  const template = await openDatabase(await postgres.createDatabase('engine_template'));
  await migrate(template.db);
  await template.close();
  return postgres;
}

async function freshDatabase(): Promise<OpenDatabase> {
  if (process.env['INVITEKIT_TEST_SQL'] === 'pglite') return freshPglite();
  cluster ??= migratedCluster();
  const postgres = await cluster;
  count += 1;
  const url = await postgres.createDatabase(`engine_${String(count)}`, 'engine_template');
  return openDatabase(url, { poolSize: 3 });
}

export async function createStore(initial: StoreState): Promise<ControlledStore> {
  const database = await freshDatabase();
  const store = new SqlControlledStore(database.db);
  await store.transaction((tx) => tx.replaceAll(initial));
  return Object.assign(store, { close: () => database.close() });
}
