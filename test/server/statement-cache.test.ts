/**
 * The invitation list's statement is built once per shape and sent again with each query's values
 * (store/statement-cache.ts): what goes out must be exactly what building it afresh for that query gives, for
 * every order, filter, search, position and limit (so the statement's text never depends on a value, only on
 * the shape); a value used to choose the text is refused; a shape is built once; and the number of shapes kept is
 * bounded. That the shape holds everything that changes the text is shown by the results: invitation-list.test.ts
 * pages through every shape on the SQL store and the memory store alike.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InvitationListQuery } from '@invitekit/engine';
import type { InvitationStatus } from '@invitekit/sdk';
import { Kysely, sql } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.js';
import { PGliteDialect } from '../../packages/server/src/db/pglite-dialect.js';
import { openPgliteWorker } from '../../packages/server/src/db/pglite-worker.js';
import { listStatement, shapeOf, valuesOf } from '../../packages/server/src/store/invitation-list-statement.js';
import { listInvitationsStatement } from '../../packages/server/src/store/invitation-list.js';
import { readOnlyGuard } from '../../packages/server/src/store/read-only.js';
import { StatementCache } from '../../packages/server/src/store/statement-cache.js';
import { copyTemplate } from './pglite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'invitekit-statement-cache-'));
let db: Kysely<Database>;

before(async () => {
  await copyTemplate(dir);
  db = new Kysely<Database>({ dialect: new PGliteDialect(await openPgliteWorker(dir)) });
});
after(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Positions of each kind a sort's cursor holds, and none. */
function positions(sort: InvitationListQuery['sort'], i: number): InvitationListQuery['after'][] {
  const id = `inv_${String(i)}`;
  if (sort === 'status') return [null, ...(['accepted', 'expired', 'pending'] as const).map((key) => ({ key, id }))];
  return [null, { key: sort === 'email' ? `a${String(i)}@x.test` : NOW - i * 1000, id }];
}

describe('the list statement built once per shape', () => {
  it('is sent exactly as building it afresh for the query gives it, for every shape, with each query’s values', () => {
    const filters: InvitationStatus[][] = [
      ['pending', 'expired'],
      ['expired', 'pending', 'expired'],
      ['pending'],
      ['expired'],
      ['accepted', 'revoked'],
      ['revoked', 'declined', 'accepted', 'pending', 'expired'],
    ];
    let compared = 0;
    // Twice over with other values, so that the second round is answered from the cache for every shape.
    for (const round of [1, 2]) {
      for (const sort of ['status', 'email', 'invitedAt', 'expiresAt'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const statuses of filters) {
            for (const q of ['', `x${String(round)}%_\\`]) {
              for (const afterPosition of positions(sort, round)) {
                for (const limit of [26, 7 * round, null]) {
                  const query = { now: NOW + round, statuses, q, sort, order, after: afterPosition, limit };
                  const org = `org-${String(round)}`;
                  const sent = listInvitationsStatement(db, org, query);
                  const fresh = listStatement(db, shapeOf(query), valuesOf(org, query)).compile(db);
                  const label = JSON.stringify(query);
                  assert.equal(sent.sql, fresh.sql, label);
                  assert.deepEqual(sent.parameters, fresh.parameters, label);
                  compared++;
                }
              }
            }
          }
        }
      }
    }
    assert.ok(compared > 1000, `only ${String(compared)} statements compared`);
  });

  it('refuses a value used to choose the statement’s text rather than passed as a parameter', () => {
    const misused = new StatementCache<Database, { table: string }, { limit: number }>((_, shape, values) =>
      values.limit > 10 ? sql`SELECT 1 FROM ${sql.table(shape.table)}` : sql`SELECT 2`,
    );
    assert.throws(
      () => misused.statement(db, { table: 'invitations' }, { limit: 5 }),
      /value "limit" was used to build its text/,
    );
    const interpolated = new StatementCache<Database, object, { org: string }>((_, __, values) =>
      sql.raw(`SELECT * FROM organizations WHERE slug = '${values.org}'`),
    );
    assert.throws(() => interpolated.statement(db, {}, { org: 'acme' }), /value "org" was used to build its text/);
  });

  it('builds each shape once, keeps at most a thousand, and compiles through the database’s plugins', () => {
    let built = 0;
    const cache = new StatementCache<Database, { n: number }, { org: string }>((_, shape, values) => {
      built++;
      return sql`SELECT ${shape.n} AS n FROM organizations WHERE slug = ${values.org}`;
    });
    const first = cache.statement(db, { n: 1 }, { org: 'acme' });
    const again = cache.statement(db, { n: 1 }, { org: 'globex' });
    assert.equal(built, 1);
    assert.equal(again.sql, first.sql);
    assert.deepEqual([first.parameters.at(-1), again.parameters.at(-1)], ['acme', 'globex']);
    assert.notEqual(again.queryId, first.queryId, 'each statement sent has an id of its own');
    for (let n = 2; n <= 1001; n++) cache.statement(db, { n }, { org: 'acme' });
    assert.equal(built, 1001);
    cache.statement(db, { n: 1001 }, { org: 'acme' });
    assert.equal(built, 1001, 'the newest shape is kept');
    cache.statement(db, { n: 1 }, { org: 'acme' });
    assert.equal(built, 1002, 'the oldest shape was let go');
    const writes = new StatementCache<Database, object, { org: string }>(
      (_, __, values) => sql`DELETE FROM organizations WHERE slug = ${values.org}`,
    );
    assert.throws(
      () => writes.statement(db.withPlugin(readOnlyGuard), {}, { org: 'acme' }),
      /cannot execute DELETE in a read-only transaction/,
    );
  });
});
