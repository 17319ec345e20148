/**
 * Round trips per request (issue 16): every statement the SQL store sends for one engine operation, BEGIN and
 * COMMIT included, counted at the dialect (Kysely's log sees each one). Inviting 100
 * addresses reads in sets, not once per address; a list page is one statement: a read needs no BEGIN and COMMIT
 * (store/read-only.ts), and the page's statement also answers the organization and the members (invitation-list.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Actor, Engine, seedState } from '@invitekit/engine';
import { Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.js';
import { PGliteDialect } from '../../packages/server/src/db/pglite-dialect.js';
import { openPgliteWorker } from '../../packages/server/src/db/pglite-worker.js';
import { SqlControlledStore, SqlStore } from '../../packages/server/src/store/sql-store.js';
import { copyTemplate } from './pglite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADMIN: Actor = {
  person: { id: 'usr_ada', name: 'Ada Admin', email: 'admin@acme.test' },
  grants: { acme: ['member:manage'] },
  key: 'user:usr_ada',
};
const dir = mkdtempSync(join(tmpdir(), 'invitekit-statements-'));
let db: Kysely<Database>;
let statements: string[] = [];
let engine: Engine;

before(async () => {
  await copyTemplate(dir);
  const client = await openPgliteWorker(dir);
  db = new Kysely<Database>({
    dialect: new PGliteDialect(client),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  await new SqlControlledStore(db).transaction((tx) => tx.replaceAll(seedState(Date.now(), 'default')));
  engine = new Engine({ store: new SqlStore(db) });
});
after(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function count(operation: () => Promise<unknown>): Promise<number> {
  statements = [];
  await operation();
  return statements.length;
}

describe('statements per request', () => {
  it('invites 100 addresses in at most 10 statements', async () => {
    const emails = Array.from({ length: 100 }, (_, i) => `batch${String(i)}@example.com`);
    const n = await count(() => engine.createInvitations(ADMIN, 'acme', { emails }));
    assert.ok(n <= 10, `${String(n)} statements:\n${statements.join('\n')}`);
    // Again: every address now skipped as already invited, still in sets.
    const again = await count(() => engine.createInvitations(ADMIN, 'acme', { emails }));
    assert.ok(again <= 10, `${String(again)} statements`);
  });

  it('answers a list page, by any order or search, in one statement', async () => {
    for (const query of [{}, { sort: 'status', order: 'asc' }, { q: 'batch' }, { status: ['pending'] }]) {
      const n = await count(() => engine.listInvitations(ADMIN, 'acme', query));
      assert.equal(n, 1, `${JSON.stringify(query)}: ${String(n)} statements:\n${statements.join('\n')}`);
    }
  });

  it('answers a members page and a requests page, with or without a search or filter, in one statement each', async () => {
    for (const query of [{}, { q: 'ada' }, { limit: 1 }]) {
      const n = await count(() => engine.listMembers(ADMIN, 'acme', query));
      assert.equal(n, 1, `members ${JSON.stringify(query)}: ${String(n)} statements:\n${statements.join('\n')}`);
    }
    for (const query of [{}, { status: ['pending', 'dismissed'] }, { limit: 1 }]) {
      const n = await count(() => engine.listRequests(ADMIN, 'acme', query));
      assert.equal(n, 1, `requests ${JSON.stringify(query)}: ${String(n)} statements:\n${statements.join('\n')}`);
    }
  });
});
