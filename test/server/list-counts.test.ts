/**
 * The members and requests lists' totals come from counts kept by triggers (migration 0004), not from counting
 * rows: after joins, departures, submissions, approvals, dismissals and a whole reset, every total a page
 * answers is still the number of rows, on the SQL store exactly as on the memory store (PGlite).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Actor, Engine, MemoryStore, seedState } from '@invitekit/engine';
import { SqlControlledStore, SqlStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';

const ADMIN: Actor = {
  person: { id: 'usr_ada', name: 'Ada Admin', email: 'admin@acme.test' },
  grants: { acme: ['member:manage'], globex: ['member:manage'] },
  key: 'user:usr_ada',
};
let database: Awaited<ReturnType<typeof freshPglite>>;
let sqlEngine: Engine;
let memoryEngine: Engine;

before(async () => {
  database = await freshPglite();
  const seed = seedState(Date.now(), 'default');
  await new SqlControlledStore(database.db).transaction((tx) => tx.replaceAll(seed));
  sqlEngine = new Engine({ store: new SqlStore(database.db) });
  memoryEngine = new Engine({ store: new MemoryStore(seed) });
});
after(() => database.close());

/** The same steps on both engines. */
async function both(step: (engine: Engine) => Promise<unknown>): Promise<void> {
  await step(sqlEngine);
  await step(memoryEngine);
}

async function totals(engine: Engine) {
  const out: Record<string, number> = {};
  for (const org of ['acme', 'globex']) {
    out[`${org} members`] = (await engine.listMembers(ADMIN, org)).total;
    out[`${org} members q`] = (await engine.listMembers(ADMIN, org, { q: 'e' })).total;
    for (const status of [['pending'], ['approved'], ['dismissed'], ['pending', 'approved', 'dismissed']]) {
      out[`${org} requests ${status.join(',')}`] = (await engine.listRequests(ADMIN, org, { status })).total;
    }
  }
  return out;
}

async function agree(when: string): Promise<void> {
  assert.deepEqual(await totals(sqlEngine), await totals(memoryEngine), when);
}

describe('members and requests totals from kept counts', () => {
  it('agree with the memory store through joins, departures, submissions, approvals and dismissals', async () => {
    await agree('after the seed');
    await both((e) => e.joinMember('acme', { email: 'new1@acme.test', via: 'sso' }));
    await both((e) => e.joinMember('acme', { email: 'new2@acme.test', name: 'Two', via: 'scim' }));
    await both((e) => e.removeMember('acme', 'new1@acme.test'));
    await agree('after joins and a departure');
    for (let i = 0; i < 4; i++) {
      await both((e) => e.submitRequest('acme', { email: `asker${String(i)}@elsewhere.test` }, `10.0.0.${String(i)}`));
    }
    await agree('after submissions');
    // Ids are random: each engine approves and dismisses the first two of its own pending page.
    const pendingOf = async (e: Engine) => (await e.listRequests(ADMIN, 'acme', { limit: 100 })).items;
    await both(async (e) => e.approveRequest(ADMIN, 'acme', (await pendingOf(e))[0]?.id ?? ''));
    await both(async (e) => e.dismissRequest(ADMIN, 'acme', (await pendingOf(e))[0]?.id ?? ''));
    await agree('after an approval and a dismissal');
    await both((e) => e.dismissStale(ADMIN, 'acme'));
    await agree('after dismissing the stale ones');
  });

  it('start again from a whole reset', async () => {
    await new SqlControlledStore(database.db).transaction((tx) => tx.replaceAll(seedState(Date.now(), 'default')));
    memoryEngine = new Engine({ store: new MemoryStore(seedState(Date.now(), 'default')) });
    await agree('after the reset');
  });
});
