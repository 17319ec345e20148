/**
 * The export read in pages (export.ts): the same bytes as the whole list read at once, whatever the page size; one
 * page read per chunk the consumer asks for and none after it stops; a page that fails midway ends the iteration
 * with `unavailable`. Runs on the memory store and, through engine-on-sql.test.ts, on the SQL store.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Invitation } from '@invitekit/sdk';
import { ControlledEngine, type ControlledStore, csvField, csvText, StoreUnavailable } from '../src/index.js';
import { ADMIN, createTestEngine, refused } from './test-support.js';

const STATUSES = ['pending', 'expired', 'revoked', 'accepted', 'declined'] as const;

/**
 * The export as it was made before it streamed: every invitation the list shows (read here through the list's
 * own pages), one line each, the text built at once.
 */
async function wholeListCsv(engine: ControlledEngine, query: Record<string, unknown>): Promise<string> {
  const items: Invitation[] = [];
  let cursor: string | null = null;
  do {
    const page = await engine.listInvitations(ADMIN, 'acme', { ...query, limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const lines = ['email,status,role,invited_at,expires_at,invited_by,resend_count'];
  for (const inv of items) {
    const fields = [inv.email, inv.status, inv.role ?? 'member', inv.invitedAt, inv.expiresAt];
    lines.push([...fields, inv.invitedBy?.email ?? '', String(inv.resendCount)].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A store that counts the list reads and, from read `failAt` on, fails them as a lost database would. */
function countingStore(inner: ControlledStore, failAt = Infinity) {
  const counts = { reads: 0 };
  const store = new Proxy(inner, {
    get(target, key) {
      if (key !== 'transaction') return Reflect.get(target, key) as unknown;
      const transaction: ControlledStore['transaction'] = (fn, options) =>
        target.transaction(
          (tx) =>
            fn(
              new Proxy(tx, {
                get(t, k) {
                  const value = Reflect.get(t, k) as unknown;
                  if (typeof value !== 'function') return value;
                  if (k !== 'listInvitations') return value.bind(t) as unknown;
                  return (...args: unknown[]) => {
                    counts.reads++;
                    if (counts.reads >= failAt) return Promise.reject(new StoreUnavailable('connection lost'));
                    return (value as (...a: unknown[]) => unknown).apply(t, args);
                  };
                },
              }),
            ),
          options,
        );
      return transaction;
    },
  });
  return { store, counts };
}

/** An engine over the test store with `count` more invitations in acme, in every state, at several instants. */
async function engineWith(count: number, exportPageSize: number) {
  const engine = await createTestEngine({ exportPageSize });
  for (let made = 0; made < count; made += 100) {
    const emails = Array.from({ length: Math.min(100, count - made) }, (_, i) => {
      const n = made + i;
      // Look-alike sort values: shared prefixes, characters that need quoting, a formula start.
      return n % 17 === 0 ? `=x${String(n)}@example.com` : `p${String(n % 7)}.${String(n)}@example.com`;
    });
    const answer = await engine.createInvitations(ADMIN, 'acme', { emails, ...(made % 200 ? { role: 'admin' } : {}) });
    for (const [i, inv] of answer.sent.entries()) {
      if (i % 9 === 0) await engine.revoke(ADMIN, 'acme', inv.id);
    }
    await engine.advanceClock(2 * 24 * 60 * 60 * 1000);
  }
  return engine;
}

describe('the CSV export in pages', () => {
  it('gives the bytes of the whole list read at once, for every page size, sort, order and filter', async () => {
    const engine = await engineWith(320, 7);
    const queries = [
      {},
      { status: [...STATUSES] },
      { status: ['expired', 'revoked'], q: 'p3' },
      { q: '=x' },
      ...(['email', 'status', 'invitedAt', 'expiresAt'] as const).flatMap((sort) =>
        (['asc', 'desc'] as const).map((order) => ({ status: [...STATUSES], sort, order })),
      ),
    ];
    for (const query of queries) {
      const expected = await wholeListCsv(engine, query);
      assert.equal(await csvText(await engine.exportCsv(ADMIN, 'acme', query)), expected, JSON.stringify(query));
    }
    const all = { status: [...STATUSES], sort: 'email', order: 'asc' };
    const rows = (await wholeListCsv(engine, all)).split('\r\n').length - 2;
    assert.ok(rows > 300, `${String(rows)} rows`);
    // A page of one, a page that divides the rows exactly, and one page for all.
    for (const pageSize of [1, rows, rows + 1, 1000]) {
      const same = new ControlledEngine({ store: engine.store, realNow: engine.realNow, exportPageSize: pageSize });
      assert.equal(
        await csvText(await same.exportCsv(ADMIN, 'acme', all)),
        await wholeListCsv(engine, all),
        `page size ${String(pageSize)}`,
      );
    }
  });

  it('reads a page only when the consumer asks for more, and none after it stops', async () => {
    const base = await engineWith(23, 5);
    const { store, counts } = countingStore(base.store);
    const engine = new ControlledEngine({ store, realNow: base.realNow, exportPageSize: 5 });
    const all = { status: [...STATUSES] };
    const total = (await wholeListCsv(base, all)).split('\r\n').length - 2;

    const chunks = (await engine.exportCsv(ADMIN, 'acme', all))[Symbol.asyncIterator]();
    assert.equal(counts.reads, 1, 'the first page is read before the status line');
    assert.match(String((await chunks.next()).value), /^email,status,/);
    assert.equal(String((await chunks.next()).value).split('\r\n').length, 6, 'five rows');
    assert.equal(counts.reads, 1);
    await chunks.next();
    assert.equal(counts.reads, 2);
    await chunks.return?.();
    assert.equal((await chunks.next()).done, true);
    assert.equal(counts.reads, 2, 'no read after the consumer stopped');

    counts.reads = 0;
    await csvText(await engine.exportCsv(ADMIN, 'acme', all));
    assert.equal(counts.reads, Math.floor(total / 5) + 1, `${String(total)} rows in pages of five`);
  });

  it('fails with unavailable when a page cannot be read, before or after the first', async () => {
    const base = await engineWith(12, 5);
    const first = new ControlledEngine({ store: countingStore(base.store, 1).store, exportPageSize: 5 });
    await refused(() => first.exportCsv(ADMIN, 'acme'), 'unavailable');

    const later = new ControlledEngine({ store: countingStore(base.store, 3).store, exportPageSize: 5 });
    const got: string[] = [];
    await refused(async () => {
      for await (const chunk of await later.exportCsv(ADMIN, 'acme', { status: [...STATUSES] })) got.push(chunk);
    }, 'unavailable');
    assert.equal(got.length, 3, 'the header and two pages, then the failure');
  });
});
