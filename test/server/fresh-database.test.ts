/**
 * The SQL store on a database nobody seeded (the host's path: migrations only, no `/__mock` state) and the
 * read-only guard on the default database. Both broke on PGlite: every write answered 503 on a fresh database
 * (no clock offset row), and a `readOnly` transaction could write.
 */
import assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '@invitekit/engine';
import { createInvitekitServer } from '../../packages/server/src/index.js';
import { SqlStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';

let database: Awaited<ReturnType<typeof freshPglite>>;
let store: SqlStore;

before(async () => {
  database = await freshPglite();
  store = new SqlStore(database.db);
  await database.db
    .insertInto('organizations')
    .values({
      slug: 'fresh',
      name: 'Fresh',
      roles: JSON.stringify(['member', 'admin']),
      default_role: 'member',
      invitation_requests_enabled: true,
      invitation_ttl_days: 7,
      allowed_domains: '[]',
    })
    .execute();
});
after(() => database.close());

const ADMIN = {
  person: { id: 'u1', name: 'Ada', email: 'ada@fresh.test' },
  grants: { fresh: ['member:manage'] },
  key: 'u1',
};

describe('SQL store on a fresh database (PGlite)', () => {
  it('invites and takes a request with no seed and no clock row, on the real clock', async () => {
    const engine = new Engine({ store, acceptUrl: 'https://app.test/redeem/' });
    const before = Date.now();
    const sent = await engine.createInvitations(ADMIN, 'fresh', { emails: ['new@fresh.test'] });
    assert.equal(sent.sent.length, 1);
    const invitedAt = Date.parse(sent.sent[0]?.invitedAt ?? '');
    assert.ok(invitedAt >= before && invitedAt <= Date.now() + 1000, `invitedAt ${String(invitedAt)}`);
    const asked = await engine.submitRequest('fresh', { email: 'asker@fresh.test' });
    assert.ok(asked);
  });

  it('refuses a write inside a read-only transaction', async () => {
    await assert.rejects(
      store.transaction(
        (tx) =>
          tx.insertRequest('fresh', {
            id: 'req_ro',
            email: 'ro@fresh.test',
            name: null,
            message: null,
            status: 'pending',
            requestedAt: Date.now(),
          }),
        { readOnly: true },
      ),
      /read-only transaction/,
    );
    const stored = await store.transaction((tx) => tx.request('fresh', 'req_ro'));
    assert.equal(stored, undefined);
  });
});

describe('createInvitekitServer', () => {
  it('opens nothing when created (a build that imports the route handler writes no database)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'invitekit-lazy-')), 'data');
    // Exact, not a wait: creating the server starts no asynchronous work at all (no promise, timer, file access
    // or worker), so nothing it did can open the database afterwards.
    const started: string[] = [];
    const hook = createHook({
      init(_id, type) {
        started.push(type);
      },
    });
    hook.enable();
    const server = createInvitekitServer({
      database: { pglite: dir },
      acceptUrl: 'https://x.test/j/',
      authenticate: () => null,
      log: false,
    });
    hook.disable();
    assert.deepEqual(started, [], 'asynchronous work started by the creation');
    // The hook does see such work: one promise.
    hook.enable();
    void Promise.resolve();
    hook.disable();
    assert.deepEqual(started, ['PROMISE']);
    assert.equal(existsSync(dir), false);
    assert.equal(existsSync(`${dir}.lock`), false);
    await server.close();
    assert.equal(existsSync(dir), false);
  });
});
