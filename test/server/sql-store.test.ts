/** The SQL store's own guarantees, on PGlite: a state goes in and comes back unchanged; constraints become conflicts. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StoreConflict, seedState } from '@invitekit/engine';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
let database: Awaited<ReturnType<typeof freshPglite>>;
let store: SqlControlledStore;

before(async () => {
  database = await freshPglite();
  store = new SqlControlledStore(database.db);
});
after(() => database.close());

describe('SQL store', () => {
  it('keeps a whole state exactly: replaceAll then snapshot answers the same records in the same order', async () => {
    const seed = seedState(T0, 'default');
    await store.transaction((tx) => tx.replaceAll(seed));
    assert.deepEqual(await store.transaction((tx) => tx.snapshot(), { readOnly: true }), seed);
  });

  it('refuses a second invitation pending at the same instant for one address, but not after the first expired', async () => {
    await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
    const [jane] = await store.transaction(async (tx) => tx.pendingInvitations('acme', ['jane@example.com'], T0));
    assert.ok(jane);
    const twin = { ...jane, id: 'inv_twin', code: 'twin-code-0000000000000000000000', replacedCodes: [] };
    await assert.rejects(
      store.transaction((tx) => tx.insertInvitation('acme', { ...twin, invitedAt: T0, expiresAt: T0 + 7 * DAY })),
      (error) => error instanceof StoreConflict && error.constraint === 'invitation_pending_unique',
    );
    const later = jane.expiresAt;
    await store.transaction((tx) => tx.insertInvitation('acme', { ...twin, invitedAt: later, expiresAt: later + DAY }));
    const [pending] = await store.transaction((tx) => tx.pendingInvitations('acme', ['jane@example.com'], later));
    assert.equal(pending?.id, 'inv_twin');
  });

  it('makes an update a compare-and-set: a changed invitation is a conflict and nothing is written', async () => {
    await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
    const jane = await store.transaction(async (tx) => tx.invitation('acme', 'inv_jane'));
    assert.ok(jane);
    await store.transaction((tx) => tx.updateInvitation('acme', { ...jane, resendCount: 1 }, jane));
    await assert.rejects(
      store.transaction((tx) => tx.updateInvitation('acme', { ...jane, resendCount: 1 }, jane)),
      (error) => error instanceof StoreConflict && error.constraint === 'invitation_changed',
    );
    assert.equal((await store.transaction((tx) => tx.invitation('acme', 'inv_jane')))?.resendCount, 1);
  });

  it('keeps a replaced code findable, reading its old expiry', async () => {
    await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
    const kim = await store.transaction(async (tx) => tx.invitation('acme', 'inv_kim'));
    assert.ok(kim);
    const renewed = {
      ...kim,
      code: 'fresh-code-kim-000000000000000000',
      invitedAt: T0,
      expiresAt: T0 + 7 * DAY,
      replacedCodes: [...kim.replacedCodes, { code: kim.code, expiresAt: kim.expiresAt }],
    };
    await store.transaction((tx) => tx.updateInvitation('acme', renewed, kim));
    const old = await store.transaction((tx) => tx.invitationByCode(kim.code));
    assert.ok(old);
    assert.equal(old.replacedExpiresAt, kim.expiresAt);
    assert.deepEqual(old.invitation, renewed);
    const fresh = await store.transaction((tx) => tx.invitationByCode(renewed.code));
    assert.equal(fresh?.replacedExpiresAt, null);
  });
});

describe('SQL store list totals', () => {
  it('count by status at the instant asked, from the kept counts, through every change of state', async () => {
    await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
    const snapshot = await store.transaction((tx) => tx.snapshot());
    const acme = snapshot.orgs.find((o) => o.slug === 'acme');
    assert.ok(acme);
    const jane = acme.invitations.find((i) => i.id === 'inv_jane');
    assert.ok(jane);
    await store.transaction((tx) => tx.updateInvitation('acme', { ...jane, state: 'revoked', revokedAt: T0 }, jane));
    const later = T0 + 3 * DAY;
    const all = ['pending', 'expired', 'accepted', 'declined', 'revoked'] as const;
    for (const statuses of [['pending'], ['expired'], ['pending', 'expired'], ['revoked', 'pending'], all] as const) {
      const page = await store.transaction((tx) =>
        tx.listInvitations('acme', {
          now: later,
          statuses,
          q: '',
          sort: 'invitedAt',
          order: 'desc',
          after: null,
          limit: null,
        }),
      );
      const searched = await store.transaction((tx) =>
        tx.listInvitations('acme', {
          now: later,
          statuses,
          q: '@',
          sort: 'invitedAt',
          order: 'desc',
          after: null,
          limit: 1,
        }),
      );
      assert.equal(page.total, page.items.length, statuses.join());
      assert.equal(searched.total, page.total, statuses.join());
    }
  });
});
