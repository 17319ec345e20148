/**
 * Reads without BEGIN and COMMIT (store/read-only.ts): a read-only transaction sends only its own statements,
 * and still refuses every way of writing (the query builder's INSERT, UPDATE and DELETE, raw SQL that is not a
 * SELECT, an invitation held in the write buffer), changing nothing. On PGlite; the host-path suite checks the
 * refusal on PostgreSQL too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type StoreTx, seedState } from '@invitekit/engine';
import { Kysely, sql } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.js';
import { PGliteDialect } from '../../packages/server/src/db/pglite-dialect.js';
import { openPgliteWorker } from '../../packages/server/src/db/pglite-worker.js';
import { SqlControlledStore, SqlStore } from '../../packages/server/src/store/sql-store.js';
import { copyTemplate } from './pglite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'invitekit-read-only-'));
let db: Kysely<Database>;
let store: SqlStore;
let statements: string[] = [];

before(async () => {
  await copyTemplate(dir);
  db = new Kysely<Database>({
    dialect: new PGliteDialect(await openPgliteWorker(dir)),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  await new SqlControlledStore(db).transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
  store = new SqlStore(db);
});
after(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** The database behind a tx (protected in SqlTx: the test reaches it as a store method would). */
const dbOf = (tx: StoreTx) => (tx as unknown as { db: Kysely<Database> }).db;

const WRITES: [string, (tx: StoreTx) => Promise<unknown>][] = [
  [
    'INSERT',
    (tx) =>
      tx.insertRequest('acme', {
        id: 'req_ro',
        email: 'ro@example.com',
        name: null,
        message: null,
        status: 'pending',
        requestedAt: T0,
      }),
  ],
  [
    'UPDATE',
    (tx) => tx.updateSettings('acme', { invitationRequestsEnabled: false, invitationTtlDays: 1, allowedDomains: [] }),
  ],
  ['DELETE', (tx) => tx.deleteMember('acme', 'ada@acme.test')],
  ['DELETE', (tx) => sql`DELETE FROM members`.execute(dbOf(tx))],
  ['WITH', (tx) => sql`WITH gone AS (DELETE FROM members RETURNING 1) SELECT 1`.execute(dbOf(tx))],
  [
    'DELETE',
    (tx) =>
      dbOf(tx)
        .with('gone', (db) => db.deleteFrom('members').returning('email'))
        .selectFrom('gone')
        .selectAll()
        .execute(),
  ],
  [
    'INSERT',
    async (tx) => {
      const [inv] = (await tx.listInvitations('acme', listQuery)).items;
      assert.ok(inv);
      // Held in the write buffer, so no statement yet: refused when the read ends.
      await tx.insertInvitation('acme', { ...inv, id: 'inv_ro', code: 'ro-code', email: 'ro@example.com' });
    },
  ],
];

const listQuery = {
  now: T0,
  statuses: ['pending'],
  q: '',
  sort: 'invitedAt',
  order: 'desc',
  after: null,
  limit: 5,
} as const;

describe('reads on the SQL store', () => {
  it('send no BEGIN or COMMIT: a read of two statements costs two', async () => {
    statements = [];
    const [org, page] = await store.transaction(
      async (tx) => [await tx.organization('acme'), await tx.listInvitations('globex', listQuery)] as const,
      { readOnly: true },
    );
    assert.equal(org?.slug, 'acme');
    assert.ok(page.items.length > 0);
    assert.equal(statements.length, 2, statements.join('\n'));
    assert.ok(
      statements.every((s) => /^\s*select/i.test(s)),
      statements.join('\n'),
    );
  });

  for (const entry of WRITES) {
    const [verb, write] = entry;
    it(`refuse a write (${verb}, write ${String(WRITES.indexOf(entry) + 1)}) as a READ ONLY transaction does, and change nothing`, async () => {
      const before = await new SqlControlledStore(db).transaction((tx) => tx.snapshot(), { readOnly: true });
      await assert.rejects(
        store.transaction((tx) => write(tx), { readOnly: true }),
        // PostgreSQL's own wording names the statement's first word (WITH: the DELETE inside it).
        new RegExp(`cannot execute (${verb}|DELETE) in a read-only transaction`),
      );
      const now = await new SqlControlledStore(db).transaction((tx) => tx.snapshot(), { readOnly: true });
      assert.deepEqual(now, before);
    });
  }

  it('answer the organization the list page read without another statement, and forget it when it changes', async () => {
    await new SqlControlledStore(db)
      .transaction(async (tx) => {
        await tx.listInvitations('acme', listQuery);
        statements = [];
        assert.equal((await tx.organization('acme'))?.name, 'Acme Inc.');
        assert.equal(statements.length, 0);
        await tx.updateOrganization('acme', { name: 'Acme Renamed', roles: ['member'], defaultRole: 'member' });
        assert.equal((await tx.organization('acme'))?.name, 'Acme Renamed');
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
  });
});
