/**
 * The SQL store on `pg` runs the statements of a transaction one at a time on its connection: pg 8 warns
 * ("client.query() when the client is already executing a query") where two are sent at once, and pg 9 throws.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedState } from '@invitekit/engine';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../packages/server/src/db/connect.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { type RunningPostgres, startPostgres } from './postgres.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
let postgres: RunningPostgres;
let database: OpenDatabase;

before(async () => {
  postgres = await startPostgres();
  database = await openDatabase(await postgres.createDatabase('queries'));
  await migrate(database.db);
});
after(async () => {
  await database.close();
  await postgres.stop();
});

describe('the SQL store on pg', () => {
  it('sends one statement at a time in a transaction (lists, searches, snapshots)', async () => {
    // How many statements each connection has sent and not yet had answered, at most.
    const inFlight = new WeakMap<object, number>();
    let most = 0;
    const original = Reflect.get(pg.Client.prototype, 'query') as (...a: unknown[]) => unknown;
    const counting = function (this: object, ...args: unknown[]) {
      const now = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, now);
      most = Math.max(most, now);
      const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(done, done);
      return result;
    };
    Reflect.set(pg.Client.prototype, 'query', counting);
    try {
      const store = new SqlControlledStore(database.db);
      await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
      most = 0;
      await store.transaction(async (tx) => {
        const query = { now: T0, statuses: ['pending'] as const, sort: 'email' as const, order: 'asc' as const };
        await tx.listInvitations('acme', { ...query, q: 'example', after: null, limit: 5 });
        await tx.listInvitations('acme', { ...query, q: '', after: null, limit: 5 });
        await tx.listMembers('acme', { q: 'a', after: null, limit: 5 });
        await tx.listRequests('acme', { statuses: ['pending'], after: null, limit: 5 });
        await tx.snapshot();
      });
    } finally {
      Reflect.set(pg.Client.prototype, 'query', original);
    }
    assert.equal(most, 1, 'statements sent at once on one connection');
  });
});
