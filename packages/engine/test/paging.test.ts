import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Invitation } from '@invitekit/sdk';
import type { ControlledEngine } from '../src/index.js';
import { ADMIN, refused, setup } from './test-support.js';

/** Walks every page of the list and answers the ids in order. */
async function walk(engine: ControlledEngine, query: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await engine.listInvitations(ADMIN, 'acme', { ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i: Invitation) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  assert.fail('paging did not end');
}

describe('cursor pages', () => {
  it('never repeat or skip an item when many share the sort key, for every sort and order', async () => {
    const { engine, invite, tick } = await setup();
    // 60 invitations sent in three instants: 20-way ties on invitedAt and expiresAt.
    for (let batch = 0; batch < 3; batch++) {
      await invite(Array.from({ length: 20 }, (_, i) => `tie${batch}-${i}@example.com`));
      await tick(1000);
    }
    const all = await engine.listInvitations(ADMIN, 'acme', { limit: 100 });
    for (const sort of ['email', 'status', 'invitedAt', 'expiresAt']) {
      for (const order of ['asc', 'desc']) {
        for (const limit of [1, 7, 25]) {
          const ids = await walk(engine, { sort, order, limit });
          assert.equal(ids.length, all.total, `${sort} ${order} ${limit}`);
          assert.equal(new Set(ids).size, all.total, `no repeats: ${sort} ${order} ${limit}`);
        }
      }
    }
  });

  it('keeps its place when invitations are added between pages', async () => {
    const { engine, invite, tick } = await setup();
    const first = await engine.listInvitations(ADMIN, 'acme', { limit: 3 });
    await tick(1000);
    await invite(['newer@example.com']);
    const rest = await walk(engine, { cursor: first.nextCursor, limit: 3 });
    const ids = [...first.items.map((i) => i.id), ...rest];
    assert.equal(new Set(ids).size, ids.length);
    const newer = (await engine.listInvitations(ADMIN, 'acme', { q: 'newer' })).items[0];
    assert.ok(newer);
    assert.ok(!ids.includes(newer.id), 'a newer item sorts before the cursor');
    assert.equal(ids.length, first.total);
  });

  it('defaults to 25 newest first, pending and expired only; filters by status and q', async () => {
    const { engine, invite } = await setup();
    await invite(Array.from({ length: 30 }, (_, i) => `bulk${i}@example.com`));
    const page = await engine.listInvitations(ADMIN, 'acme');
    assert.equal(page.items.length, 25);
    assert.equal(page.total, 36);
    assert.ok(page.items.every((i) => i.status === 'pending' || i.status === 'expired'));
    const times = page.items.map((i) => Date.parse(i.invitedAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const closed = await engine.listInvitations(ADMIN, 'acme', { status: ['accepted', 'declined', 'revoked'] });
    assert.deepEqual(closed.items.map((i) => i.status).sort(), ['accepted', 'declined', 'revoked']);
    assert.deepEqual(
      (await engine.listInvitations(ADMIN, 'acme', { q: 'EXAMPLE.com', status: ['expired'] })).items.map(
        (i) => i.email,
      ),
      ['kim@example.com'],
    );
    assert.deepEqual(
      (await engine.listInvitations(ADMIN, 'acme', { q: 'OMAR' })).items.map((i) => i.id),
      ['inv_omar'],
    );
  });

  it('refuses a limit outside 1..100, an unknown status and a foreign cursor as invalid_request', async () => {
    const { engine } = await setup();
    for (const limit of [0, 101, 2.5, '10' as unknown as number]) {
      const error = await refused(() => engine.listInvitations(ADMIN, 'acme', { limit }), 'invalid_request');
      assert.equal(error.fieldErrors?.[0]?.field, 'limit');
    }
    assert.equal(
      (await refused(() => engine.listInvitations(ADMIN, 'acme', { status: ['gone'] }), 'invalid_request'))
        .fieldErrors?.[0]?.field,
      'status[0]',
    );
    assert.equal(
      (await refused(() => engine.listInvitations(ADMIN, 'acme', { cursor: 'garbage' }), 'invalid_request'))
        .fieldErrors?.[0]?.field,
      'cursor',
    );
    const byEmail = (await engine.listInvitations(ADMIN, 'acme', { sort: 'email', limit: 1 })).nextCursor;
    await refused(
      () => engine.listInvitations(ADMIN, 'acme', { sort: 'invitedAt', cursor: byEmail }),
      'invalid_request',
    );
  });

  it('lists members by email, searching address or name, with pages', async () => {
    const { engine } = await setup();
    const all = await engine.listMembers(ADMIN, 'acme', { limit: 100 });
    const emails = all.items.map((m) => m.email);
    assert.deepEqual(emails, [...emails].sort());
    assert.equal(all.total, 7);
    assert.deepEqual(
      (await engine.listMembers(ADMIN, 'acme', { q: 'HOPPER' })).items.map((m) => m.id),
      ['mem_grace'],
    );
    const first = await engine.listMembers(ADMIN, 'acme', { limit: 4 });
    assert.ok(first.nextCursor);
    const second = await engine.listMembers(ADMIN, 'acme', { limit: 4, cursor: first.nextCursor });
    assert.deepEqual(
      [...first.items, ...second.items].map((m) => m.email),
      emails,
    );
    assert.equal(second.nextCursor, null);
  });
});
